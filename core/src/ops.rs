//! Every operation of the API (`spec/openapi.yaml`), as data: method, path, permission,
//! request body model and where the docs stand. Typed handlers and the bindings all send
//! requests through this table.
use crate::error::{Error, Permission, Result};
use crate::schema::{Model, ModelDesc};

/// HTTP methods the API uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    /// GET
    Get,
    /// POST
    Post,
    /// PUT
    Put,
    /// PATCH
    Patch,
    /// DELETE
    Delete,
}

impl Method {
    /// The method's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }

    /// Parses a method name (any case).
    pub fn parse(s: &str) -> Result<Method> {
        Ok(match s.to_ascii_uppercase().as_str() {
            "GET" => Method::Get,
            "POST" => Method::Post,
            "PUT" => Method::Put,
            "PATCH" => Method::Patch,
            "DELETE" => Method::Delete,
            other => return Err(Error::invalid("method", format!("unsupported HTTP method {other:?}"))),
        })
    }

    /// Whether repeating the request has the same effect as sending it once.
    /// POST creates, sends or records a payment: never assumed safe to repeat.
    pub fn idempotent(self) -> bool {
        self != Method::Post
    }

    pub(crate) fn to_reqwest(self) -> reqwest::Method {
        match self {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Patch => reqwest::Method::PATCH,
            Method::Delete => reqwest::Method::DELETE,
        }
    }
}

/// Whether the public docs have a page for the operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The docs have a page for it.
    Documented,
    /// The docs name the resource only; method, path and body follow their conventions.
    Inferred,
}

/// One API operation.
#[derive(Clone, Copy, Debug)]
pub struct Operation {
    /// The spec's `operationId`.
    pub id: &'static str,
    /// The resource it belongs to (`clients`, `recurring_invoices`, …).
    pub resource: &'static str,
    /// The method name on that resource (`list`, `create`, `send`, …).
    pub action: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path below the base URL, with `{name}` for each id.
    pub path: &'static str,
    /// The permission the token needs.
    pub permission: Permission,
    /// Documented or inferred.
    pub source: Source,
    /// The request body's model, if it takes one.
    pub input: Option<fn() -> ModelDesc>,
    /// The response's `data` model (`[Model]` for lists, `null` for none).
    pub output: &'static str,
}

impl Operation {
    /// Whether the response is a page of items.
    pub fn paginated(&self) -> bool {
        self.action == "list"
    }

    /// Names of the path's ids, in order (`["clientId", "contactId"]`).
    pub fn path_params(&self) -> Vec<&'static str> {
        self.path.split('/').filter_map(|s| s.strip_prefix('{')?.strip_suffix('}')).collect()
    }

    /// The path with each `{id}` filled in and percent-encoded. Empty ids are refused.
    pub fn fill_path(&self, ids: &[&str]) -> Result<String> {
        let names = self.path_params();
        if names.len() != ids.len() {
            return Err(Error::InvalidRequest {
                message: format!("{} takes {} id(s) ({}), got {}", self.id, names.len(), names.join(", "), ids.len()),
                field: None,
            });
        }
        let mut out = String::with_capacity(self.path.len() + 32);
        let mut ids = ids.iter().zip(&names);
        for seg in self.path.split('/').filter(|s| !s.is_empty()) {
            out.push('/');
            if seg.starts_with('{') {
                let (id, name) = ids.next().ok_or_else(|| Error::invalid(seg, "missing id"))?;
                if id.trim().is_empty() {
                    return Err(Error::invalid(*name, "must not be empty"));
                }
                out.push_str(&encode_segment(id));
            } else {
                out.push_str(seg);
            }
        }
        Ok(out)
    }
}

/// Percent-encodes one path segment, so an id can never change the path.
fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The permission a request needs, by the docs' rule: GET reads, send actions send, the rest
/// writes. Used for requests made outside the table (the raw escape hatch).
pub fn permission_for(method: Method, path: &str) -> Permission {
    if method == Method::Get {
        Permission::Read
    } else if path.trim_end_matches('/').ends_with("/send") {
        Permission::Send
    } else {
        Permission::Write
    }
}

macro_rules! ops {
    ($( $id:literal $res:literal $action:literal $method:ident $path:literal $perm:ident $src:ident $input:tt $output:literal; )*) => {
        /// Every operation, in the spec's order.
        pub static OPERATIONS: &[Operation] = &[$(
            Operation {
                id: $id, resource: $res, action: $action, method: Method::$method, path: $path,
                permission: Permission::$perm, source: Source::$src, input: ops!(@input $input), output: $output,
            },
        )*];
    };
    (@input -) => { None };
    (@input $model:ident) => { Some(<crate::resources::$model as Model>::describe as fn() -> ModelDesc) };
}

ops! {
    "listClients" "clients" "list" Get "/clients" Read Documented - "[Client]";
    "createClient" "clients" "create" Post "/clients" Write Inferred NewClient "Client";
    "getClient" "clients" "get" Get "/clients/{clientId}" Read Documented - "Client";
    "updateClient" "clients" "update" Put "/clients/{clientId}" Write Inferred ClientUpdate "Client";
    "deleteClient" "clients" "delete" Delete "/clients/{clientId}" Write Inferred - "null";
    "listContacts" "contacts" "list" Get "/clients/{clientId}/contacts" Read Inferred - "[Contact]";
    "createContact" "contacts" "create" Post "/clients/{clientId}/contacts" Write Inferred ContactInput "Contact";
    "getContact" "contacts" "get" Get "/clients/{clientId}/contacts/{contactId}" Read Inferred - "Contact";
    "updateContact" "contacts" "update" Put "/clients/{clientId}/contacts/{contactId}" Write Documented ContactInput "Contact";
    "deleteContact" "contacts" "delete" Delete "/clients/{clientId}/contacts/{contactId}" Write Inferred - "null";
    "listEstimates" "estimates" "list" Get "/estimates" Read Documented - "[Estimate]";
    "createEstimate" "estimates" "create" Post "/estimates" Write Inferred NewEstimate "Estimate";
    "getEstimate" "estimates" "get" Get "/estimates/{estimateId}" Read Inferred - "Estimate";
    "updateEstimate" "estimates" "update" Put "/estimates/{estimateId}" Write Documented EstimateUpdate "Estimate";
    "deleteEstimate" "estimates" "delete" Delete "/estimates/{estimateId}" Write Inferred - "null";
    "sendEstimate" "estimates" "send" Post "/estimates/{estimateId}/send" Send Inferred - "Estimate";
    "convertEstimate" "estimates" "convert" Post "/estimates/{estimateId}/convert" Write Inferred - "Invoice";
    "listInvoices" "invoices" "list" Get "/invoices" Read Inferred - "[Invoice]";
    "createInvoice" "invoices" "create" Post "/invoices" Write Inferred NewInvoice "Invoice";
    "getInvoice" "invoices" "get" Get "/invoices/{invoiceId}" Read Inferred - "Invoice";
    "updateInvoice" "invoices" "update" Put "/invoices/{invoiceId}" Write Inferred InvoiceUpdate "Invoice";
    "deleteInvoice" "invoices" "delete" Delete "/invoices/{invoiceId}" Write Inferred - "null";
    "sendInvoice" "invoices" "send" Post "/invoices/{invoiceId}/send" Send Inferred - "Invoice";
    "applyInvoicePayment" "invoices" "apply_payment" Post "/invoices/{invoiceId}/payments" Write Documented ApplyPayment "AppliedPayment";
    "listRecurringInvoices" "recurring_invoices" "list" Get "/recurring-invoices" Read Documented - "[RecurringInvoice]";
    "createRecurringInvoice" "recurring_invoices" "create" Post "/recurring-invoices" Write Documented NewRecurringInvoice "RecurringInvoice";
    "getRecurringInvoice" "recurring_invoices" "get" Get "/recurring-invoices/{recurringInvoiceId}" Read Inferred - "RecurringInvoice";
    "updateRecurringInvoice" "recurring_invoices" "update" Put "/recurring-invoices/{recurringInvoiceId}" Write Documented RecurringInvoiceUpdate "RecurringInvoice";
    "deleteRecurringInvoice" "recurring_invoices" "delete" Delete "/recurring-invoices/{recurringInvoiceId}" Write Inferred - "null";
    "updateRecurringInvoiceStatus" "recurring_invoices" "update_status" Patch "/recurring-invoices/{recurringInvoiceId}/status" Write Documented RecurringStatusInput "RecurringInvoice";
    "listPayments" "payments" "list" Get "/payments" Read Inferred - "[Payment]";
    "createPayment" "payments" "create" Post "/payments" Write Documented NewPayment "Payment";
    "getPayment" "payments" "get" Get "/payments/{paymentId}" Read Documented - "Payment";
    "updatePayment" "payments" "update" Put "/payments/{paymentId}" Write Documented PaymentUpdate "Payment";
    "deletePayment" "payments" "delete" Delete "/payments/{paymentId}" Write Inferred - "null";
    "listTaxes" "taxes" "list" Get "/taxes" Read Inferred - "[Tax]";
    "createTax" "taxes" "create" Post "/taxes" Write Inferred NewTax "Tax";
    "getTax" "taxes" "get" Get "/taxes/{taxId}" Read Inferred - "Tax";
    "updateTax" "taxes" "update" Put "/taxes/{taxId}" Write Inferred TaxUpdate "Tax";
    "deleteTax" "taxes" "delete" Delete "/taxes/{taxId}" Write Inferred - "null";
    "listUnits" "units" "list" Get "/units" Read Documented - "[Unit]";
    "createUnit" "units" "create" Post "/units" Write Inferred UnitInput "Unit";
    "getUnit" "units" "get" Get "/units/{unitId}" Read Documented - "Unit";
    "updateUnit" "units" "update" Put "/units/{unitId}" Write Documented UnitInput "Unit";
    "deleteUnit" "units" "delete" Delete "/units/{unitId}" Write Inferred - "null";
    "listItems" "items" "list" Get "/items" Read Inferred - "[Item]";
    "createItem" "items" "create" Post "/items" Write Inferred NewItem "Item";
    "getItem" "items" "get" Get "/items/{itemId}" Read Inferred - "Item";
    "updateItem" "items" "update" Put "/items/{itemId}" Write Inferred ItemUpdate "Item";
    "deleteItem" "items" "delete" Delete "/items/{itemId}" Write Inferred - "null";
}

/// Looks an operation up by its `operationId`.
pub fn find(id: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|o| o.id == id)
}

/// Looks an operation up by resource and action (`"invoices"`, `"send"`).
pub fn lookup(resource: &str, action: &str) -> Result<&'static Operation> {
    OPERATIONS
        .iter()
        .find(|o| o.resource == resource && o.action == action)
        .ok_or_else(|| Error::InvalidRequest { message: format!("no operation {resource}.{action}"), field: None })
}
