fn main() { atelier_lib::run() }
