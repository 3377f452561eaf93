/* fuzz_engine: the engine on the shipped rules, for the targets that
 * fuzz whole requests. The rules are read from $DECORUM_ROOT/rules, or
 * the source tree's; a load that fails aborts, saying why, since every
 * input would be judged on nothing. */
#ifndef DECORUM_FUZZ_ENGINE_H
#define DECORUM_FUZZ_ENGINE_H

#include <stdio.h>
#include <stdlib.h>

#include "engine.h"

#ifndef DECORUM_SOURCE_DIR
#define DECORUM_SOURCE_DIR "."
#endif

static struct engine *
fuzz_shipped_engine(void)
{
	static char	 rules[4096];
	const char	*root = getenv("DECORUM_ROOT");
	struct engine_opts o = { 0 };
	struct engine	*e;
	struct diag	 d;

	snprintf(rules, sizeof(rules), "%s/rules",
	    root ? root : DECORUM_SOURCE_DIR);
	o.rules_dir = rules;
	o.generation = 1;
	diag_init(&d);
	if ((e = engine_load(&o, &d)) == NULL) {
		diag_print(&d, stderr);
		abort();
	}
	diag_free(&d);
	return e;
}

#endif
