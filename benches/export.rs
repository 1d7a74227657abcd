//! Benchmarks of the PDF export (filled in below).
fn main() {}
