//! The `warta` binary: everything lives in the library; this maps it to an exit code.

fn main() {
    std::process::exit(warta::run(std::env::args_os()));
}
