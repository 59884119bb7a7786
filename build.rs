//! Rebuild when the embedded default theme changes (include_dir cannot tell cargo on stable).
fn main() {
    println!("cargo:rerun-if-changed=themes/kp2mi");
}
