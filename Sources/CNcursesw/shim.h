// The curses API as Swift can import it. SwiftPM drops the pkg-config defines that expose the
// wide API, so the header is included with NCURSES_WIDECHAR set here. Macros Swift cannot
// import (attributes, mouse masks) and C globals Swift 6 rejects as not concurrency-safe
// (stdscr, COLS, LINES, COLORS, COLOR_PAIRS, stdin/stdout) are reached through the inline
// functions below. Only ConfDashTerminal imports this module, and only from the main actor.
#ifndef CONFDASH_CNCURSESW_SHIM_H
#define CONFDASH_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_cols(void) { return COLS; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }

/// A screen reading the standard input and writing the standard output, with the terminal type
/// from TERM. NULL (not exit) when the terminal cannot be used.
static inline SCREEN *cn_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }

static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_dim(void) { return A_DIM; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_italic(void) { return A_ITALIC; }

static inline mmask_t cn_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cn_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON1_TRIPLE_CLICKED; }
static inline mmask_t cn_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t cn_button5_pressed(void) { return BUTTON5_PRESSED; }

/// The string capability `name` from terminfo, or NULL when the terminal lacks it.
static inline const char *cn_tigetstr(const char *name) {
    char *value = tigetstr(name);
    return (value == NULL || value == (char *)-1) ? NULL : value;
}

/// Whether the current LC_CTYPE encodes text as UTF-8.
static inline int cn_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

#endif
