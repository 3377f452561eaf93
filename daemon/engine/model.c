/* model: hashed features of a comment's views, logistic scoring, and the
 * model file (model.h describes the format). */
#include "model.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fold.h"
#include "readfile.h"
#include "text.h"

/* Feature namespaces: the same string as a word and as a character
 * n-gram are different features. */
enum {
	NS_WORD = 'u',		/* normal view word */
	NS_BIGRAM = 'b',	/* two normal view words */
	NS_FOLDED = 'f',	/* folded view word */
	NS_CHARS = 'c',		/* character n-gram of a folded word */
};

#define FNV32_PRIME	16777619u
#define FNV32_BASIS	2166136261u

static inline uint32_t
fnv_byte(uint32_t h, unsigned char c)
{
	return (h ^ c) * FNV32_PRIME;
}

static inline uint32_t
fnv_bytes(uint32_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = fnv_byte(h, (unsigned char)s[i]);
	return h;
}

/* murmur3's finalizer: FNV's low bits, which the mask keeps, are weak */
static inline uint32_t
mix32(uint32_t h)
{
	h ^= h >> 16;
	h *= 0x85ebca6bu;
	h ^= h >> 13;
	h *= 0xc2b2ae35u;
	h ^= h >> 16;
	return h;
}

static inline uint32_t
ns_start(uint32_t seed, unsigned char ns)
{
	return fnv_byte(FNV32_BASIS ^ seed, ns);
}

void
model_feats_init(struct model_feats *f)
{
	memset(f, 0, sizeof(*f));
}

void
model_feats_free(struct model_feats *f)
{
	free(f->v);
	free(f->spans);
	free(f->tmp);
	model_feats_init(f);
}

static int
push(struct model_feats *f, uint32_t h, uint32_t mask, size_t os, size_t oe)
{
	if (f->n == f->cap) {
		size_t			 cap = f->cap ? f->cap * 2 : 256;
		struct model_feat	*v;

		if ((v = realloc(f->v, cap * sizeof(*v))) == NULL)
			return -1;
		f->v = v;
		f->cap = cap;
	}
	f->v[f->n++] = (struct model_feat){ mix32(h) & mask, (uint32_t)os,
	    (uint32_t)oe };
	return 0;
}

/* Sort the features by index, keeping those of one index in the order
 * they came (so the first occurrence's span survives the dedup): an LSD
 * radix sort, 11 bits a pass, two passes for any model's hash; a
 * comment has hundreds of features and qsort cost more than all else
 * the model does. */
#define RADIX_BITS	11
static int
sort_feats(struct model_feats *f, uint32_t bits)
{
	uint32_t	 cnt[1u << RADIX_BITS];

	if (f->tmp_cap < f->cap) {
		struct model_feat *t = realloc(f->tmp, f->cap * sizeof(*t));

		if (t == NULL)
			return -1;
		f->tmp = t;
		f->tmp_cap = f->cap;
	}
	for (uint32_t shift = 0; shift < bits; shift += RADIX_BITS) {
		struct model_feat	*t;
		uint32_t		 sum = 0;
		size_t			 cap;

		memset(cnt, 0, sizeof(cnt));
		for (size_t i = 0; i < f->n; i++)
			cnt[(f->v[i].idx >> shift) & ((1u << RADIX_BITS) - 1)]++;
		for (size_t k = 0; k < (1u << RADIX_BITS); k++) {
			uint32_t c = cnt[k];

			cnt[k] = sum;
			sum += c;
		}
		for (size_t i = 0; i < f->n; i++)
			f->tmp[cnt[(f->v[i].idx >> shift) &
			    ((1u << RADIX_BITS) - 1)]++] = f->v[i];
		t = f->v;
		f->v = f->tmp;
		f->tmp = t;
		cap = f->cap;
		f->cap = f->tmp_cap;
		f->tmp_cap = cap;
	}
	return 0;
}

/* Character n-grams (3 to 5 bytes) of " word ": bytes, not code points;
 * training and scoring cut the same way. */
static int
char_grams(struct model_feats *f, uint32_t seed, uint32_t mask,
    const char *w, size_t wlen, size_t os, size_t oe)
{
	size_t plen = wlen + 2;

	for (size_t n = 3; n <= 5; n++) {
		for (size_t i = 0; i + n <= plen; i++) {
			uint32_t h = ns_start(seed, NS_CHARS);

			for (size_t j = i; j < i + n; j++)
				h = fnv_byte(h, j == 0 || j == plen - 1 ?
				    ' ' : (unsigned char)w[j - 1]);
			if (push(f, h, mask, os, oe) == -1)
				return -1;
		}
	}
	return 0;
}

int
model_features(struct views *vs, uint32_t bits, uint32_t seed,
    struct model_feats *f)
{
	const struct view	*nv = &vs->normal, *fv;
	uint32_t		 mask = (bits >= 32) ? UINT32_MAX :
				    (1u << bits) - 1;
	size_t			 pos = 0, s, e, os, oe;
	size_t			 ps = 0, pe = 0, pos_s = 0;
	bool			 have_prev = false;

	f->n = 0;
	f->val = 0;
	while (text_next_word(nv->text, nv->len, &pos, &s, &e)) {
		view_span_orig(nv, s, e, &os, &oe);
		if (push(f, fnv_bytes(ns_start(seed, NS_WORD), nv->text + s,
		    e - s), mask, os, oe) == -1)
			return -1;
		if (have_prev) {
			uint32_t h = ns_start(seed, NS_BIGRAM);

			h = fnv_bytes(h, nv->text + ps, pe - ps);
			h = fnv_byte(h, ' ');
			h = fnv_bytes(h, nv->text + s, e - s);
			if (push(f, h, mask, pos_s, oe) == -1)
				return -1;
		}
		ps = s;
		pe = e;
		pos_s = os;
		have_prev = true;
	}
	if ((fv = views_folded(vs, FOLD_ALL)) == NULL)
		return -1;
	pos = 0;
	while (text_next_word(fv->text, fv->len, &pos, &s, &e)) {
		view_span_orig(fv, s, e, &os, &oe);
		if (push(f, fnv_bytes(ns_start(seed, NS_FOLDED), fv->text + s,
		    e - s), mask, os, oe) == -1)
			return -1;
		if (char_grams(f, seed, mask, fv->text + s, e - s, os,
		    oe) == -1)
			return -1;
	}
	if (f->n == 0)
		return 0;
	if (sort_feats(f, bits) == -1)
		return -1;
	size_t k = 1;
	for (size_t i = 1; i < f->n; i++)
		if (f->v[i].idx != f->v[k - 1].idx)
			f->v[k++] = f->v[i];
	f->n = k;
	f->val = (float)(1.0 / sqrt((double)k));
	return 0;
}

double
model_score(const struct model *m, const struct model_feats *f)
{
	double dot = 0;

	for (size_t i = 0; i < f->n; i++)
		dot += m->w[f->v[i].idx];
	dot = dot * f->val + m->bias;
	return 1.0 / (1.0 + exp(-dot));
}

static int
span_cmp(const void *a, const void *b)
{
	const struct model_span *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return 0;
}

size_t
model_top_spans(const struct model *m, struct model_feats *f,
    struct model_span *out, size_t max)
{
	size_t	u = 0, n = 0;

	if (f->n == 0)
		return 0;
	if (f->spans_cap < f->n) {
		struct model_span *sp = realloc(f->spans, f->n * sizeof(*sp));

		if (sp == NULL)
			return 0;
		f->spans = sp;
		f->spans_cap = f->n;
	}
	/* each span's weight: the sum over its features */
	for (size_t i = 0; i < f->n; i++)
		f->spans[i] = (struct model_span){ f->v[i].ostart,
		    f->v[i].oend, (double)m->w[f->v[i].idx] * f->val };
	qsort(f->spans, f->n, sizeof(*f->spans), span_cmp);
	for (size_t i = 1; i < f->n; i++) {
		if (span_cmp(&f->spans[i], &f->spans[u]) == 0)
			f->spans[u].weight += f->spans[i].weight;
		else
			f->spans[++u] = f->spans[i];
	}
	u++;
	/* the best of what overlaps none chosen, max times */
	while (n < max) {
		size_t best = u;

		for (size_t i = 0; i < u; i++) {
			bool overlaps = false;

			if (f->spans[i].weight <= 0 || (best < u &&
			    f->spans[i].weight <= f->spans[best].weight))
				continue;
			for (size_t k = 0; k < n && !overlaps; k++)
				overlaps = f->spans[i].start < out[k].end &&
				    out[k].start < f->spans[i].end;
			if (!overlaps)
				best = i;
		}
		if (best == u)
			break;
		out[n++] = f->spans[best];
	}
	return n;
}

struct model *
model_new(uint32_t bits, uint32_t seed)
{
	struct model *m;

	if (bits < MODEL_BITS_MIN || bits > MODEL_BITS_MAX) {
		errno = EINVAL;
		return NULL;
	}
	if ((m = calloc(1, sizeof(*m))) == NULL)
		return NULL;
	if ((m->w = calloc((size_t)1 << bits, sizeof(*m->w))) == NULL) {
		free(m);
		return NULL;
	}
	m->scheme = MODEL_SCHEME_W12_C35;
	m->bits = bits;
	m->seed = seed;
	m->reject_at = m->review_at = 0.5f;
	return m;
}

void
model_free(struct model *m)
{
	if (m == NULL)
		return;
	free(m->w);
	free(m);
}

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static uint64_t
get64(const unsigned char *p)
{
	return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

static float
getf(const unsigned char *p)
{
	uint32_t	u = get32(p);
	float		x;

	memcpy(&x, &u, sizeof(x));
	return x;
}

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
}

static void
put64(unsigned char *p, uint64_t v)
{
	put32(p, (uint32_t)v);
	put32(p + 4, (uint32_t)(v >> 32));
}

static void
putf(unsigned char *p, float x)
{
	uint32_t u;

	memcpy(&u, &x, sizeof(u));
	put32(p, u);
}

struct model *
model_parse(const void *buf, size_t len, char *err, size_t errlen)
{
	const unsigned char	*p = buf;
	struct model		*m;
	uint32_t		 version, scheme, bits;
	float			 reject_at, review_at, bias;
	size_t			 want;

	if (len < 8 || memcmp(p, MODEL_MAGIC, 8) != 0) {
		snprintf(err, errlen, "not a decorumd model (bad magic)");
		return NULL;
	}
	if (len < MODEL_HEADER_SIZE) {
		snprintf(err, errlen, "truncated: %zu bytes, the header alone "
		    "is %u", len, MODEL_HEADER_SIZE);
		return NULL;
	}
	if ((version = get32(p + 8)) != MODEL_VERSION) {
		snprintf(err, errlen, "model format version %u; this build "
		    "reads version %u", version, MODEL_VERSION);
		return NULL;
	}
	if ((scheme = get32(p + 12)) != MODEL_SCHEME_W12_C35) {
		snprintf(err, errlen, "unknown feature scheme %u", scheme);
		return NULL;
	}
	bits = get32(p + 16);
	if (bits < MODEL_BITS_MIN || bits > MODEL_BITS_MAX) {
		snprintf(err, errlen, "hash bits %u out of range (%u to %u)",
		    bits, MODEL_BITS_MIN, MODEL_BITS_MAX);
		return NULL;
	}
	reject_at = getf(p + 24);
	review_at = getf(p + 28);
	bias = getf(p + 32);
	if (!(reject_at > 0 && reject_at < 1) ||
	    !(review_at > 0 && review_at <= reject_at)) {
		snprintf(err, errlen, "thresholds out of range (reject %g, "
		    "review %g)", (double)reject_at, (double)review_at);
		return NULL;
	}
	if (!isfinite(bias)) {
		snprintf(err, errlen, "bias is not a finite number");
		return NULL;
	}
	want = MODEL_HEADER_SIZE + ((size_t)4 << bits);
	if (len != want) {
		snprintf(err, errlen, "%s: %zu bytes, a model of %u hash bits "
		    "is %zu", len < want ? "truncated" : "trailing bytes",
		    len, bits, want);
		return NULL;
	}
	if ((m = model_new(bits, get32(p + 20))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	m->reject_at = reject_at;
	m->review_at = review_at;
	m->bias = bias;
	m->npos = get64(p + 40);
	m->nneg = get64(p + 48);
	m->data_hash = get64(p + 56);
	m->trained_at = (int64_t)get64(p + 64);
	for (size_t i = 0; i < ((size_t)1 << bits); i++) {
		m->w[i] = getf(p + MODEL_HEADER_SIZE + 4 * i);
		if (!isfinite(m->w[i])) {
			snprintf(err, errlen, "weight %zu is not a finite "
			    "number", i);
			model_free(m);
			return NULL;
		}
	}
	return m;
}

struct model *
model_load(const char *path, char *err, size_t errlen)
{
	struct model	*m;
	const char	*why;
	size_t		 len;
	char		*buf;

	if ((buf = readfile(path, MODEL_MAX_FILE, &len, &why)) == NULL) {
		snprintf(err, errlen, "%s", why);
		return NULL;
	}
	m = model_parse(buf, len, err, errlen);
	free(buf);
	return m;
}

int
model_write(const struct model *m, const char *path)
{
	size_t		 n = (size_t)1 << m->bits;
	size_t		 len = MODEL_HEADER_SIZE + 4 * n;
	unsigned char	*buf;
	char		*tmp = NULL;
	int		 fd = -1, saved;
	bool		 made = false;
	ssize_t		 w;
	size_t		 off = 0;

	if ((buf = calloc(1, len)) == NULL)
		return -1;
	memcpy(buf, MODEL_MAGIC, 8);
	put32(buf + 8, MODEL_VERSION);
	put32(buf + 12, m->scheme);
	put32(buf + 16, m->bits);
	put32(buf + 20, m->seed);
	putf(buf + 24, m->reject_at);
	putf(buf + 28, m->review_at);
	putf(buf + 32, m->bias);
	put64(buf + 40, m->npos);
	put64(buf + 48, m->nneg);
	put64(buf + 56, m->data_hash);
	put64(buf + 64, (uint64_t)m->trained_at);
	for (size_t i = 0; i < n; i++)
		putf(buf + MODEL_HEADER_SIZE + 4 * i, m->w[i]);
	if (asprintf(&tmp, "%s.tmpXXXXXX", path) == -1) {
		tmp = NULL;
		goto fail;
	}
	if ((fd = mkstemp(tmp)) == -1)
		goto fail;
	made = true;
	while (off < len) {
		if ((w = write(fd, buf + off, len - off)) == -1) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		off += (size_t)w;
	}
	if (fchmod(fd, 0644) == -1 || fsync(fd) == -1)
		goto fail;
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path) == -1)
		goto fail;
	free(tmp);
	free(buf);
	return 0;
fail:
	saved = errno;
	if (fd != -1)
		close(fd);
	if (made)
		unlink(tmp);
	free(tmp);
	free(buf);
	errno = saved;
	return -1;
}
