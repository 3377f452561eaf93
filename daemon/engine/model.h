/* model: a site's learned model, loaded like a rule. A logistic
 * regression over hashed features of the comment's own views (the same
 * views the rules see), so the daemon computes exactly what
 * `decorumctl learn` trained on.
 *
 * The file (little-endian, MODEL_HEADER_SIZE bytes of header, then the
 * dense weight array):
 *
 *	off  size  field
 *	  0     8  magic "DCRMODEL"
 *	  8     4  format version (MODEL_VERSION)
 *	 12     4  feature scheme (MODEL_SCHEME_*)
 *	 16     4  hash bits k: 2^k weights
 *	 20     4  hash seed
 *	 24     4  reject threshold, a probability in (0, 1)
 *	 28     4  review threshold, in (0, reject]; equal to reject: none
 *	 32     4  bias (float)
 *	 36     4  reserved, 0
 *	 40     8  positive rows trained on
 *	 48     8  negative rows trained on
 *	 56     8  FNV-1a 64 of the training data
 *	 64     8  when trained (Unix seconds)
 *	 72  4<<k  weights (float), hashed feature i at i
 */
#ifndef DECORUM_MODEL_H
#define DECORUM_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "norm.h"

#define MODEL_MAGIC		"DCRMODEL"
#define MODEL_VERSION		1u
#define MODEL_HEADER_SIZE	72u
/* Scheme 2: the folded view's (all folds) words, word 2-grams, and
 * character 3- to 5-grams of each word padded with a space at each end;
 * each occurrence counts (a feature seen twice has value 2), and the row
 * is scaled by 1/sqrt(occurrences). Scoring is then one lookup and add
 * per occurrence, with no sorting. (Scheme 1 also read the normal view,
 * and counted each feature once, which needed a sort a comment.) */
#define MODEL_SCHEME		2u
#define MODEL_BITS_MIN		10u
#define MODEL_BITS_MAX		21u	/* 8 MiB of weights */
#define MODEL_BITS_DEFAULT	18u
/* Model files are this size at most (the readfile cap). */
#define MODEL_MAX_FILE		(16u << 20)

struct model {
	uint32_t	 scheme, bits, seed;
	float		 reject_at, review_at, bias;
	uint64_t	 npos, nneg, data_hash;
	int64_t		 trained_at;
	float		*w;		/* 1 << bits */
};

/* A span of the original text and what its features added to the
 * model's dot product. */
struct model_span {
	uint32_t	 start, end;
	double		 weight;
};

/* One occurrence of a feature in a comment: its hashed index and the
 * word (two words for a 2-gram) it came from. */
struct model_feat {
	uint32_t	 idx, word;
};

/* A word's span of the original text. */
struct model_word {
	uint32_t	 start, end;
};

/* The feature occurrences of one comment, in the order of the text,
 * the words they came from, and the value of each occurrence
 * (1/sqrt(n)). */
struct model_feats {
	struct model_feat *v;
	size_t		 n, cap;
	float		 val;
	struct model_word *words;
	size_t		 nwords, words_cap;
	struct model_span *spans;	/* model_top_spans' scratch */
	size_t		 spans_cap;
	unsigned char	*pad;		/* model_features' scratch */
	size_t		 pad_cap;
	uint32_t	*tab;		/* model_top_spans' scratch */
	size_t		 tab_cap;
};

void	model_feats_init(struct model_feats *f);
void	model_feats_free(struct model_feats *f);
/* The features of the comment in vs (views_build done) under the hash
 * of bits and seed. Training and scoring both call this. Returns -1 only
 * when memory runs out. */
int	model_features(struct views *vs, uint32_t bits, uint32_t seed,
	    struct model_feats *f);

/* The model's probability that the comment with features f is one to
 * reject. */
double	model_score(const struct model *m, const struct model_feats *f);

/* The spans (words, or two words for a 2-gram) whose features pushed the
 * score up most, the largest first, none overlapping another: at most
 * max into out; returns how many (0 also when memory runs out). */
size_t	model_top_spans(const struct model *m, struct model_feats *f,
	    struct model_span *out, size_t max);

/* A model with bits and seed, zero weights; NULL when out of memory. */
struct model *model_new(uint32_t bits, uint32_t seed);
void	model_free(struct model *m);
/* Parse a model file's bytes. NULL on error, with the reason in err
 * ("bad magic", "format version 7, this build reads 1", "truncated: ...").
 */
struct model *model_parse(const void *buf, size_t len, char *err,
	    size_t errlen);
/* Read and parse path (a regular file of at most MODEL_MAX_FILE). */
struct model *model_load(const char *path, char *err, size_t errlen);
/* Write m to path: a temporary file beside it, then renamed, so a reader
 * never sees half a model. Returns -1 with errno set. */
int	model_write(const struct model *m, const char *path);

#endif
