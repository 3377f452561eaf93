/* bench_engine: `decorumctl bench --engine` — the whole pipeline after
 * the socket (views, matching, decision), in-process on one thread, over
 * labeled corpus files; per-stage times and the slowest rules. */
#ifndef DECORUM_BENCH_ENGINE_H
#define DECORUM_BENCH_ENGINE_H

/* argv[0] is "bench"; returns an exit status. */
int	bench_engine_main(int argc, char **argv);

#endif
