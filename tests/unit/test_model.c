/* Unit tests of the learned model: its features are a function of the
 * text alone (the same for training and scoring, whatever came before),
 * evasions meet their plain form in the folded view, the file round-trips,
 * and a damaged file is refused with a reason, never crashes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model.h"
#include "norm.h"

static void
feats_bits(struct views *vs, const char *text, uint32_t bits, uint32_t seed,
    struct model_feats *f)
{
	assert_int_equal(views_build(vs, text, strlen(text)), 0);
	assert_int_equal(model_features(vs, bits, seed, f), 0);
}

static void
feats_of(struct views *vs, const char *text, uint32_t seed,
    struct model_feats *f)
{
	feats_bits(vs, text, MODEL_BITS_DEFAULT, seed, f);
}

static bool
same_feats(const struct model_feats *a, const struct model_feats *b)
{
	if (a->n != b->n || a->val != b->val)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (a->v[i].idx != b->v[i].idx)
			return false;
	return true;
}

static void
test_features_deterministic(void **state)
{
	struct views		 vs;
	struct model_feats	 a, b, c;
	const char		*text = "You are a total muppet, a real muppet.";

	(void)state;
	views_init(&vs);
	model_feats_init(&a);
	model_feats_init(&b);
	model_feats_init(&c);
	feats_of(&vs, text, 7, &a);
	assert_true(a.n > 20);
	assert_float_equal(a.val, 1.0 / sqrt((double)a.n), 1e-6);
	/* occurrences in the order of the text: the first word comes
	 * first, and "muppet" twice gives its features twice */
	assert_int_equal(a.words[a.v[0].word].start, 0);
	assert_int_equal(a.words[a.v[0].word].end, 3);
	size_t muppet = 0;
	for (size_t i = 0; i < a.n; i++)
		muppet += a.words[a.v[i].word].end -
		    a.words[a.v[i].word].start == 6 && strncmp(text +
		    a.words[a.v[i].word].start, "muppet", 6) == 0;
	/* per occurrence: the word and the 6 + 5 + 4 character 3-, 4- and
	 * 5-grams of " muppet " */
	assert_int_equal(muppet, 2 * (1 + 6 + 5 + 4));
	for (size_t i = 0; i < a.n; i++) {
		assert_true(a.v[i].idx < (1u << MODEL_BITS_DEFAULT));
		assert_true(a.v[i].word < a.nwords);
		assert_true(a.words[a.v[i].word].start <
		    a.words[a.v[i].word].end);
		assert_true(a.words[a.v[i].word].end <= strlen(text));
	}
	/* another comment in between changes nothing */
	feats_of(&vs, "Something else entirely, \xc3\xa9t\xc3\xa9 2026", 7, &c);
	feats_of(&vs, text, 7, &b);
	assert_true(same_feats(&a, &b));
	/* a fresh set of views gives the same */
	views_free(&vs);
	views_init(&vs);
	feats_of(&vs, text, 7, &b);
	assert_true(same_feats(&a, &b));
	/* another seed hashes elsewhere */
	feats_of(&vs, text, 8, &b);
	assert_false(same_feats(&a, &b));
	/* no words, no features */
	feats_of(&vs, "  ...  !!", 7, &b);
	assert_int_equal(b.n, 0);
	model_feats_free(&a);
	model_feats_free(&b);
	model_feats_free(&c);
	views_free(&vs);
}

static int
idx_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* The distinct feature indices of f, sorted, into a new array. */
static uint32_t *
distinct(const struct model_feats *f, size_t *n)
{
	uint32_t *v = malloc((f->n + 1) * sizeof(*v));
	size_t k = 0;

	assert_non_null(v);
	for (size_t i = 0; i < f->n; i++)
		v[i] = f->v[i].idx;
	qsort(v, f->n, sizeof(*v), idx_cmp);
	for (size_t i = 0; i < f->n; i++)
		if (k == 0 || v[k - 1] != v[i])
			v[k++] = v[i];
	*n = k;
	return v;
}

static size_t
shared_feats(const struct model_feats *a, const struct model_feats *b,
    size_t *na)
{
	size_t		 n, m, shared = 0;
	uint32_t	*x = distinct(a, &n), *y = distinct(b, &m);

	for (size_t i = 0, j = 0; i < n && j < m;) {
		if (x[i] == y[j]) {
			shared++;
			i++;
			j++;
		} else if (x[i] < y[j])
			i++;
		else
			j++;
	}
	free(x);
	free(y);
	*na = n;
	return shared;
}

/* The folded view's features of "mupp3t" are those of "muppet". */
static void
test_features_see_folded_view(void **state)
{
	struct views		 vs;
	struct model_feats	 plain, leet, other;
	size_t			 n;

	(void)state;
	views_init(&vs);
	model_feats_init(&plain);
	model_feats_init(&leet);
	model_feats_init(&other);
	feats_of(&vs, "muppet", 1, &plain);
	feats_of(&vs, "mupp3t", 1, &leet);
	feats_of(&vs, "carrot", 1, &other);
	/* all of them: the folded word and its grams */
	size_t shared = shared_feats(&plain, &leet, &n);
	assert_int_equal(shared, n);
	shared = shared_feats(&plain, &other, &n);
	assert_true(shared < 3);
	model_feats_free(&plain);
	model_feats_free(&leet);
	model_feats_free(&other);
	views_free(&vs);
}

/* The spans named for a hit: the words whose features weigh most, the
 * heaviest first, none overlapping, none that lowered the score. */
static void
test_top_spans(void **state)
{
	struct views		 vs;
	struct model_feats	 f;
	struct model		*m = model_new(MODEL_BITS_DEFAULT, 3);
	struct model_span	 sp[3];
	/* no word shares a character n-gram with another ("delta" would
	 * share "ta " with "beta": each occurrence counts for its word) */
	const char		*text = "alpha beta gamma mouse";

	(void)state;
	assert_non_null(m);
	views_init(&vs);
	model_feats_init(&f);
	feats_bits(&vs, text, m->bits, m->seed, &f);
	for (size_t i = 0; i < f.n; i++) {
		const char *w = text + f.words[f.v[i].word].start;
		size_t n = f.words[f.v[i].word].end -
		    f.words[f.v[i].word].start;

		if (n == 4 && strncmp(w, "beta", 4) == 0)
			m->w[f.v[i].idx] = 1;
		else if (n == 5 && strncmp(w, "gamma", 5) == 0)
			m->w[f.v[i].idx] = 0.5f;
		else if (n == 5 && strncmp(w, "alpha", 5) == 0)
			m->w[f.v[i].idx] = -1;
	}
	assert_int_equal(model_top_spans(m, &f, sp, 3), 2);
	assert_int_equal(sp[0].start, 6);
	assert_int_equal(sp[0].end, 10);
	assert_int_equal(sp[1].start, 11);
	assert_int_equal(sp[1].end, 16);
	assert_true(sp[0].weight > sp[1].weight && sp[1].weight > 0);
	assert_int_equal(model_top_spans(m, &f, sp, 1), 1);
	assert_int_equal(sp[0].start, 6);
	model_feats_free(&f);
	views_free(&vs);
	model_free(m);
}

static char tmpdir[64];

static int
setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/decorum-model-XXXXXX");
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static const char *
path(const char *name)
{
	static char p[128];

	snprintf(p, sizeof(p), "%s/%s", tmpdir, name);
	return p;
}

static struct model *
sample_model(void)
{
	struct model *m = model_new(MODEL_BITS_MIN, 42);

	assert_non_null(m);
	m->reject_at = 0.8f;
	m->review_at = 0.6f;
	m->bias = -1.5f;
	m->npos = 12;
	m->nneg = 300;
	m->data_hash = 0x0123456789abcdefull;
	m->trained_at = 1790000000;
	for (size_t i = 0; i < ((size_t)1 << m->bits); i++)
		m->w[i] = (float)((double)i / 1000.0 - 0.5);
	return m;
}

static void
test_round_trip(void **state)
{
	struct model		*m = sample_model(), *r;
	char			 err[256];
	struct views		 vs;
	struct model_feats	 f;

	(void)state;
	assert_int_equal(model_write(m, path("a.model")), 0);
	r = model_load(path("a.model"), err, sizeof(err));
	assert_non_null(r);
	assert_int_equal(r->bits, m->bits);
	assert_int_equal(r->seed, 42);
	assert_int_equal(r->scheme, MODEL_SCHEME);
	assert_true(r->reject_at == 0.8f && r->review_at == 0.6f);
	assert_true(r->bias == -1.5f);
	assert_true(r->npos == 12 && r->nneg == 300);
	assert_true(r->data_hash == 0x0123456789abcdefull);
	assert_true(r->trained_at == 1790000000);
	assert_memory_equal(r->w, m->w, sizeof(float) << m->bits);
	/* the score: the sigmoid of bias plus the scaled weights */
	views_init(&vs);
	model_feats_init(&f);
	feats_bits(&vs, "a few words here", r->bits, r->seed, &f);
	assert_true(f.n > 10);
	double dot = 0;
	for (size_t i = 0; i < f.n; i++)
		dot += r->w[f.v[i].idx];
	dot = dot * f.val + r->bias;
	assert_float_equal(model_score(r, &f), 1 / (1 + exp(-dot)), 1e-9);
	assert_true(model_score(r, &f) > 0 && model_score(r, &f) < 1);
	model_feats_free(&f);
	views_free(&vs);
	model_free(m);
	model_free(r);
}

static unsigned char *
model_bytes(size_t *len)
{
	struct model	*m = sample_model();
	FILE		*fp;
	unsigned char	*buf;

	assert_int_equal(model_write(m, path("b.model")), 0);
	model_free(m);
	*len = MODEL_HEADER_SIZE + ((size_t)4 << MODEL_BITS_MIN);
	buf = malloc(*len + 16);
	assert_non_null(buf);
	assert_non_null(fp = fopen(path("b.model"), "rb"));
	assert_int_equal(fread(buf, 1, *len + 16, fp), *len);
	fclose(fp);
	return buf;
}

static void
expect_error(const unsigned char *buf, size_t len, const char *want)
{
	char		 err[256] = "";
	struct model	*m = model_parse(buf, len, err, sizeof(err));

	assert_null(m);
	if (strstr(err, want) == NULL)
		fail_msg("error '%s' lacks '%s'", err, want);
}

static void
put_u32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static void
test_loader_errors(void **state)
{
	size_t		 len;
	unsigned char	*buf = model_bytes(&len), *copy;
	float		 nan = NAN;
	char		 err[256];

	(void)state;
	copy = malloc(len + 16);
	assert_non_null(copy);
	memcpy(copy, buf, len);
	copy[0] = 'X';
	expect_error(copy, len, "bad magic");
	expect_error(buf, 3, "bad magic");
	expect_error(buf, 40, "truncated");
	expect_error(buf, len - 1, "truncated");
	memcpy(copy, buf, len);
	memset(copy + len, 0, 16);
	expect_error(copy, len + 1, "trailing bytes");
	memcpy(copy, buf, len);
	put_u32(copy + 8, 2);
	expect_error(copy, len, "model format version 2; this build reads "
	    "version 1");
	memcpy(copy, buf, len);
	put_u32(copy + 12, 9);
	expect_error(copy, len, "feature scheme 9; this build computes "
	    "scheme 2 (learn the model again)");
	memcpy(copy, buf, len);
	put_u32(copy + 12, 1);	/* the scheme before occurrences counted */
	expect_error(copy, len, "feature scheme 1;");
	memcpy(copy, buf, len);
	put_u32(copy + 16, 31);
	expect_error(copy, len, "hash bits 31 out of range");
	memcpy(copy, buf, len);
	memcpy(copy + 28, copy + 24, 4);
	struct model *same = model_parse(copy, len, err, sizeof(err));
	assert_non_null(same);	/* review equal to reject: no review band */
	model_free(same);
	put_u32(copy + 28, 0x3f800000u);	/* review 1.0 above reject 0.8 */
	expect_error(copy, len, "thresholds out of range");
	memcpy(copy, buf, len);
	memcpy(copy + MODEL_HEADER_SIZE + 40, &nan, 4);
	expect_error(copy, len, "weight 10 is not a finite number");
	free(copy);
	free(buf);

	/* from files: oversized, not regular, missing */
	FILE *fp = fopen(path("big.model"), "wb");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, (long)MODEL_MAX_FILE, SEEK_SET), 0);
	assert_int_equal(fputc(0, fp), 0);
	fclose(fp);
	assert_null(model_load(path("big.model"), err, sizeof(err)));
	assert_string_equal(err, "larger than 16 MiB");
	assert_null(model_load(tmpdir, err, sizeof(err)));
	assert_string_equal(err, "not a regular file (a directory)");
	assert_null(model_load(path("none.model"), err, sizeof(err)));
	assert_string_equal(err, "No such file or directory");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_features_deterministic),
		cmocka_unit_test(test_features_see_folded_view),
		cmocka_unit_test(test_top_spans),
		cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_loader_errors, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
