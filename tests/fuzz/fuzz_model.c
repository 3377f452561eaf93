/* libFuzzer target: the model loader. Any bytes either parse into a model
 * whose header is in range and whose weights are finite, or are refused
 * with a message; a parsed model scores a comment to a probability. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"
#include "model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct views		 vs;
	static struct model_feats	 f;
	static int			 ready;
	static const char		 text[] = "you absolute mupp3t, go away";
	char				 err[256] = "";
	struct model			*m;

	if (!ready) {
		views_init(&vs);
		model_feats_init(&f);
		ready = 1;
	}
	m = model_parse(data, size, err, sizeof(err));
	if (m == NULL) {
		FUZZ_CHECK(err[0] != '\0');
		return 0;
	}
	FUZZ_CHECK(size == MODEL_HEADER_SIZE + ((size_t)4 << m->bits));
	FUZZ_CHECK(m->bits >= MODEL_BITS_MIN && m->bits <= MODEL_BITS_MAX);
	FUZZ_CHECK(m->review_at > 0 && m->review_at <= m->reject_at &&
	    m->reject_at < 1);
	FUZZ_CHECK(views_build(&vs, text, sizeof(text) - 1) == 0);
	FUZZ_CHECK(model_features(&vs, m->bits, m->seed, &f) == 0);
	double p = model_score(m, &f);
	FUZZ_CHECK(p >= 0 && p <= 1);
	model_free(m);
	return 0;
}
