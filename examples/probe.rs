fn main() {
    for opt in [rhai::OptimizationLevel::None, rhai::OptimizationLevel::Simple] {
    let mut engine = rhai::Engine::new();
    engine.set_optimization_level(opt);
    engine.set_max_operations(10_000);
    for src in ["fn before_solve(d, s) {\n  let x = 0;\n  loop {\n    x += 1;\n  }\n}\n",
                "fn before_solve(d, s) {\n  let x = 0;\n  while x < 10 {\n    x += 0;\n  }\n}\n",
                "fn before_solve(d, s) {\n  let x = 0;\n  while true {\n  }\n}\n",
                "fn before_solve(d, s) {\n  let x = 0;\n  for i in 0..100000 {\n   x+=i;  }\n}\n",
                "fn before_solve(d, s) {\n  f(1)\n}\nfn f(n) {\n  f(n+1)\n}\n"] {
    let ast = engine.compile(src).unwrap();
    let r = engine.call_fn::<rhai::Dynamic>(&mut rhai::Scope::new(), &ast, "before_solve", (1_i64, 2_i64));
    println!("{opt:?} {:?}", r.err());
    }}
}
