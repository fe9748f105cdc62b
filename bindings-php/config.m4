dnl The blinksale extension is Rust (ext-php-rs): `phpize && ./configure && make && make install`
dnl runs cargo (Makefile.frag) and installs the library it builds. Needs cargo (rustup.rs) and
dnl libclang; PIE runs the same steps for a source build.
PHP_ARG_ENABLE([blinksale],
  [whether to enable the blinksale extension],
  [AS_HELP_STRING([--enable-blinksale], [Enable the Blinksale API client])],
  [yes])

if test "$PHP_BLINKSALE" != "no"; then
  AC_PATH_PROG([CARGO], [cargo], [no], [$PATH:$HOME/.cargo/bin])
  if test "$CARGO" = "no"; then
    AC_MSG_ERROR([the blinksale extension is built with Rust: install it from https://rustup.rs])
  fi
  AC_MSG_CHECKING([for the library suffix])
  case $host_os in
    darwin*) BLINKSALE_LIB=libblinksale.dylib ;;
    *) BLINKSALE_LIB=libblinksale.so ;;
  esac
  AC_MSG_RESULT([$BLINKSALE_LIB])
  PHP_SUBST([CARGO])
  PHP_SUBST([BLINKSALE_LIB])
  BLINKSALE_PHP_CONFIG=$PHP_CONFIG
  PHP_SUBST([BLINKSALE_PHP_CONFIG])
  PHP_ADD_MAKEFILE_FRAGMENT([$abs_srcdir/Makefile.frag])
fi
