//! What the extension reads of the PHP VM's state.
use ext_php_rs::zend::ExecutorGlobals;

/// Whether the VM has an interrupt pending: a pcntl signal handler waiting to run (with
/// `pcntl_async_signals(true)`) or `max_execution_time` reached.
pub fn interrupt_pending() -> bool {
    let eg = ExecutorGlobals::get();
    flag(&eg.vm_interrupt)
}

/// PHP 8.2 made the flag a `zend_atomic_bool`; 8.1 has a plain bool.
#[cfg(not(php81))]
fn flag(f: &ext_php_rs::ffi::zend_atomic_bool) -> bool {
    // SAFETY: a valid, aligned bool that a signal handler may set meanwhile.
    unsafe { std::ptr::read_volatile(&f.value) }
}

#[cfg(php81)]
fn flag(f: &bool) -> bool {
    // SAFETY: as above.
    unsafe { std::ptr::read_volatile(f) }
}
