#ifndef KIOSQUE_CNCURSESW_SHIM_H
#define KIOSQUE_CNCURSESW_SHIM_H
// Wide-character curses: must be defined before the header is included.
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <ncursesw/curses.h>
#include <locale.h>

// Macros and globals that Swift cannot import or that Swift 6 refuses as
// shared mutable state, behind small functions.
static inline WINDOW *kiosque_stdscr(void) { return stdscr; }
static inline int kiosque_lines(void) { return LINES; }
static inline int kiosque_cols(void) { return COLS; }
static inline attr_t kiosque_bold(void) { return A_BOLD; }
static inline attr_t kiosque_reverse(void) { return A_REVERSE; }
static inline attr_t kiosque_underline(void) { return A_UNDERLINE; }
static inline attr_t kiosque_normal(void) { return A_NORMAL; }
static inline int kiosque_key_resize(void) { return KEY_RESIZE; }
static inline int kiosque_key_code_yes(void) { return KEY_CODE_YES; }
static inline int kiosque_color_pairs(void) { return COLOR_PAIRS; }
static inline int kiosque_colors(void) { return COLORS; }
// newterm returns NULL for an unknown terminal where initscr would exit.
static inline SCREEN *kiosque_newterm(const char *term) { return newterm(term, stdout, stdin); }
// A terminal that cannot move its cursor (TERM=dumb) cannot show a screen.
static inline int kiosque_can_address_cursor(void) {
    char *capability = tigetstr("cup");
    return capability != NULL && capability != (char *)-1;
}
static inline void kiosque_getmaxyx(WINDOW *w, int *y, int *x) { getmaxyx(w, *y, *x); }
#endif
