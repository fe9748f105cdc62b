//! `model!` and `string_enum!`: each model's fields are written once, and these expand them
//! into the struct, its serde code (unknown fields kept in `extra`) and its [`ModelDesc`].
//!
//! [`ModelDesc`]: crate::schema::ModelDesc
use serde::de::{self, Deserializer, Visitor};

/// Whether an input field is left out of the request body.
pub trait IsAbsent {
    /// True for `None`: the field is not sent.
    fn is_absent(&self) -> bool {
        false
    }
}
impl<T> IsAbsent for Option<T> {
    fn is_absent(&self) -> bool {
        self.is_none()
    }
}
impl<T> IsAbsent for Vec<T> {}
impl IsAbsent for String {}
impl IsAbsent for bool {}
impl IsAbsent for i64 {}
impl IsAbsent for rust_decimal::Decimal {}
impl IsAbsent for chrono::NaiveDate {}
impl IsAbsent for chrono::DateTime<chrono::Utc> {}
impl IsAbsent for serde_json::Value {}
impl IsAbsent for u64 {}
impl IsAbsent for serde_json::Map<String, serde_json::Value> {}

/// Decodes a field the response left out: `None` for options, empty for lists, else an error
/// naming the field.
pub fn missing<'de, T: de::Deserialize<'de>, E: de::Error>(field: &'static str) -> Result<T, E> {
    T::deserialize(MissingField(field)).map_err(|e: de::value::Error| E::custom(e))
}

struct MissingField(&'static str);

impl<'de> Deserializer<'de> for MissingField {
    type Error = de::value::Error;
    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::missing_field(self.0))
    }
    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Self::Error> {
        v.visit_none()
    }
    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Self::Error> {
        v.visit_seq(de::value::SeqDeserializer::new(std::iter::empty::<()>()))
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct newtype_struct tuple tuple_struct map struct enum identifier ignored_any
    }
}

/// Declares a model. `@input` marks a request body: absent options are not sent.
macro_rules! model {
    (@is_input input) => { true };
    (@is_input) => { false };
    (@default $name:ident input $($field:ident)*) => {
        impl Default for $name {
            fn default() -> Self {
                $name { $( $field: Default::default(), )* extra: Default::default() }
            }
        }
    };
    (@default $name:ident $($field:ident)*) => {};
    (
        $(#[doc = $sdoc:literal])*
        $(@$input:ident)?
        pub struct $name:ident {
            $(
                $(#[doc = $fdoc:literal])*
                $(#[alias = $alias:literal])?
                $(#[rules($($rule:ident = $rv:expr),* $(,)?)])?
                pub $field:ident : $ty:ty,
            )*
        }
    ) => {
        $(#[doc = $sdoc])*
        #[derive(Clone, Debug, PartialEq)]
        pub struct $name {
            $( $(#[doc = $fdoc])* pub $field: $ty, )*
            /// Fields this version of the SDK does not know, kept as the API sent them.
            pub extra: ::serde_json::Map<String, ::serde_json::Value>,
        }

        impl $crate::describe::Model for $name {
            fn describe() -> $crate::describe::ModelDesc {
                $crate::describe::ModelDesc {
                    name: stringify!($name),
                    doc: concat!($($sdoc, "\n"),*),
                    fields: vec![$(
                        $crate::describe::FieldDesc {
                            name: stringify!($field),
                            ty: <$ty as $crate::describe::FieldType>::type_desc(),
                            doc: concat!($($fdoc, "\n"),*),
                            rules: $crate::describe::Rules { $($($rule: Some($rv),)*)? ..$crate::describe::Rules::NONE },
                        }
                    ),*],
                    input: model!(@is_input $($input)?),
                }
            }
        }

        impl $crate::describe::FieldType for $name {
            fn type_desc() -> $crate::describe::TypeDesc {
                $crate::describe::TypeDesc::Model { name: stringify!($name), describe: <$name as $crate::describe::Model>::describe }
            }
        }

        impl $crate::macros::IsAbsent for $name {}

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> ::serde::de::Visitor<'de> for V {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(concat!("a ", stringify!($name), " object"))
                    }
                    #[allow(unused_mut)]
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        use ::serde::de::Error as _;
                        $( let mut $field: Option<$ty> = None; )*
                        let mut extra = ::serde_json::Map::new();
                        while let Some(key) = map.next_key::<String>()? {
                            match key.as_str() {
                                $(
                                    stringify!($field) $(| $alias)? => {
                                        $field = Some(map.next_value().map_err(|e| {
                                            A::Error::custom(format_args!(concat!(stringify!($name), ".", stringify!($field), ": {}"), e))
                                        })?);
                                    }
                                )*
                                _ => {
                                    extra.insert(key, map.next_value()?);
                                }
                            }
                        }
                        Ok($name {
                            $( $field: match $field {
                                Some(v) => v,
                                None => $crate::macros::missing(concat!(stringify!($name), ".", stringify!($field)))?,
                            }, )*
                            extra,
                        })
                    }
                }
                d.deserialize_map(V)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                #[allow(unused_imports)]
                use $crate::macros::IsAbsent as _;
                let mut m = s.serialize_map(None)?;
                let skip_absent = model!(@is_input $($input)?);
                $(
                    if !(skip_absent && self.$field.is_absent()) {
                        m.serialize_entry(stringify!($field), &self.$field)?;
                    }
                )*
                for (k, v) in &self.extra {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }

        model!(@default $name $($input)? $($field)*);
    };

}

/// Declares a string enum that keeps values it does not know in `Other`.
macro_rules! string_enum {
    (
        $(#[doc = $doc:literal])*
        pub enum $name:ident {
            $( $(#[doc = $vdoc:literal])* $variant:ident = $value:literal, )+
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[doc = $vdoc])* $variant, )+
            /// A value this version of the SDK does not know.
            Other(String),
        }

        impl $name {
            /// The known wire values.
            pub const VALUES: &'static [&'static str] = &[$($value),+];

            /// The value as the API writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $value, )+
                    $name::Other(s) => s,
                }
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                match s {
                    $( $value => $name::$variant, )+
                    other => $name::Other(other.to_string()),
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str>>::deserialize(d)?;
                Ok($name::from(s.as_ref()))
            }
        }

        impl $crate::describe::FieldType for $name {
            fn type_desc() -> $crate::describe::TypeDesc {
                $crate::describe::TypeDesc::Enum { name: stringify!($name), values: $name::VALUES }
            }
        }

        impl $crate::macros::IsAbsent for $name {}

        impl Default for $name {
            /// The first known value; input bodies use it as a placeholder to fill in.
            fn default() -> Self {
                Self::from([$($value),+][0])
            }
        }
    };
}

/// Declares a struct of the binding contract: the struct, and `FIELDS`, the description each
/// language's generated layer is written from. Fields are written once, here.
macro_rules! contract {
    (@default) => { $crate::describe::DefaultValue::Unset };
    (@default $d:expr) => { $d };
    (
        $(#[doc = $sdoc:literal])*
        #[derive($($derive:path),*)]
        $(#[serde($($sattr:tt)*)])*
        pub struct $name:ident {
            $(
                $(#[doc = $fdoc:literal])*
                $(#[serde($($fattr:tt)*)])*
                pub $field:ident : $ty:ty => $kind:ident $(= $default:expr)?,
            )*
        }
    ) => {
        $(#[doc = $sdoc])*
        #[derive($($derive),*)]
        $(#[serde($($sattr)*)])*
        pub struct $name {
            $( $(#[doc = $fdoc])* $(#[serde($($fattr)*)])* pub $field: $ty, )*
        }

        impl $name {
            /// Every field, as the bindings' generators read it.
            pub const FIELDS: &'static [$crate::describe::FieldSpec] = &[$(
                $crate::describe::FieldSpec {
                    name: stringify!($field),
                    kind: $crate::describe::Kind::$kind,
                    doc: concat!($($fdoc, "\n"),*),
                    default: contract!(@default $($default)?),
                },
            )*];
        }
    };
}
