//! `cfg(php81)` when building against PHP 8.1, whose VM state differs from 8.2's (`vm`).
fn main() {
    println!("cargo::rustc-check-cfg=cfg(php81)");
    println!("cargo::rerun-if-env-changed=PHP_CONFIG");
    let php_config = std::env::var("PHP_CONFIG").unwrap_or_else(|_| "php-config".into());
    let vernum = std::process::Command::new(php_config)
        .arg("--vernum")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse::<u32>().ok());
    if vernum.is_some_and(|v| v < 80200) {
        println!("cargo::rustc-cfg=php81");
    }
}
