/* libFuzzer target: the rule-file loader. The input is written to a rule
 * file in a private temporary directory (beside a small word list it may
 * refer to) and loaded; it must load or be refused with diagnostics,
 * never crash or leak. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_check.h"
#include "diag.h"
#include "rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64], conf[128];

static void
cleanup(void)
{
	char p[160];

	unlink(conf);
	snprintf(p, sizeof(p), "%s/fuzz.words", dir);
	unlink(p);
	rmdir(dir);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (dir[0] == '\0') {
		char p[160];
		snprintf(dir, sizeof(dir), "/tmp/decorum-fuzz-rules-XXXXXX");
		if (mkdtemp(dir) == NULL)
			abort();
		snprintf(conf, sizeof(conf), "%s/fuzz.conf", dir);
		snprintf(p, sizeof(p), "%s/fuzz.words", dir);
		FILE *w = fopen(p, "w");
		if (w == NULL)
			abort();
		fputs("# a list\ndarn\nheck*\nsome phrase\n", w);
		fclose(w);
		atexit(cleanup);
	}
	FILE *f = fopen(conf, "w");
	if (f == NULL)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);

	struct diag d;
	diag_init(&d);
	const char *files[] = { conf };
	struct rulebook *rb = rules_load_files(files, 1, &d);
	FUZZ_CHECK(rb == NULL || d.errors == 0);
	rules_free(rb);
	diag_free(&d);
	return 0;
}
