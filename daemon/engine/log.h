/* log: leveled messages to stderr, with sd-daemon priority prefixes when
 * stderr is the journal. Comment text never goes through here unless the
 * level is debug. */
#ifndef DECORUM_LOG_H
#define DECORUM_LOG_H

#include <stdbool.h>

enum log_level {
	LOG_LEVEL_ERROR = 0,
	LOG_LEVEL_WARN,
	LOG_LEVEL_INFO,
	LOG_LEVEL_DEBUG,
};

void	log_set_level(enum log_level level);
bool	log_enabled(enum log_level level);
int	log_level_parse(const char *name, enum log_level *out);
void	log_msg(enum log_level level, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#define log_error(...)	log_msg(LOG_LEVEL_ERROR, __VA_ARGS__)
#define log_warn(...)	log_msg(LOG_LEVEL_WARN, __VA_ARGS__)
#define log_info(...)	log_msg(LOG_LEVEL_INFO, __VA_ARGS__)
#define log_debug(...)	do { if (log_enabled(LOG_LEVEL_DEBUG)) \
	log_msg(LOG_LEVEL_DEBUG, __VA_ARGS__); } while (0)

#endif
