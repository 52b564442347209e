#ifndef GLOSS_CLIBEDIT_SHIM_H
#define GLOSS_CLIBEDIT_SHIM_H

#include <stdio.h>
#include <histedit.h>

/* el_set, el_get and history() are variadic: Swift cannot call them, so each use gets a fixed-argument wrapper. */

typedef char *(*gloss_prompt_fn)(EditLine *);
typedef unsigned char (*gloss_command_fn)(EditLine *, int);

static inline int gloss_el_set_prompt(EditLine *e, gloss_prompt_fn fn) { return el_set(e, EL_PROMPT, fn); }
static inline int gloss_el_set_prompt_esc(EditLine *e, gloss_prompt_fn fn, char c) { return el_set(e, EL_PROMPT_ESC, fn, c); }
static inline int gloss_el_set_editor(EditLine *e, const char *mode) { return el_set(e, EL_EDITOR, mode); }
static inline int gloss_el_set_signal(EditLine *e, int on) { return el_set(e, EL_SIGNAL, on); }
static inline int gloss_el_set_history(EditLine *e, History *h) { return el_set(e, EL_HIST, history, h); }
static inline int gloss_el_add_function(EditLine *e, const char *name, const char *help, gloss_command_fn fn) {
    return el_set(e, EL_ADDFN, name, help, fn);
}
static inline int gloss_el_bind(EditLine *e, const char *key, const char *fn) { return el_set(e, EL_BIND, key, fn, NULL); }
static inline int gloss_el_set_client_data(EditLine *e, void *data) { return el_set(e, EL_CLIENTDATA, data); }
static inline void *gloss_el_get_client_data(EditLine *e) {
    void *data = NULL;
    el_get(e, EL_CLIENTDATA, &data);
    return data;
}
static inline int gloss_el_refresh(EditLine *e) { return el_set(e, EL_REFRESH); }

static inline int gloss_history_set_size(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}
static inline int gloss_history_set_unique(History *h, int unique) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, unique);
}
static inline int gloss_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}

#endif
