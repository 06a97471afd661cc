import { measurePlan } from "./tools/bench/scale/measure-plan";
(async () => {
  const r = await measurePlan(process.cwd(), ["--program", "tools/bench/scale/scale-program.ts", "--stack", "bench"],
    { BENCH_SCALE_FUNCTIONS: process.argv[2], BENCH_SCALE_ZIP: process.cwd() + "/.build/lambda/inventory-reserve.zip", BENCH_PLAN_STACK_TRACE_LIMIT: "1",
      NODE_OPTIONS: "--cpu-prof --cpu-prof-dir=/tmp/packprof" });
  console.log(JSON.stringify(r));
})();
