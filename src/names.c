/* Text → the contract's enums and back, for systems that read contracts from
 * text (files, forms): English names as the programs take them and the
 * Norwegian words in use, ASCII letters compared without case. */
#include <stddef.h>

#include "arith_internal.h"
#include "startlan/finance.h"
#include "startlan/plan.h"
#include "startlan/rent_to_own.h"
#include "terms_internal.h"

typedef struct name {
    const char *text;
    int value;
} name;

/* 1 when a and b are equal with ASCII letters folded (UTF-8 bytes exact). */
static int same(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        int x = (unsigned char)*a, y = (unsigned char)*b;
        x += x >= 'A' && x <= 'Z' ? 'a' - 'A' : 0;
        y += y >= 'A' && y <= 'Z' ? 'a' - 'A' : 0;
        if (x != y)
            return 0;
    }
    return *a == *b;
}

static int lookup(int *out, const char *text, const name *names)
{
    if (!out || !text)
        return SL_ENULL;
    for (const name *n = names; n->text; n++)
        if (same(text, n->text)) {
            *out = n->value;
            return SL_OK;
        }
    return SL_ESYNTAX;
}

/* The first name of a value: the one the programs print. */
static const char *name_of(int value, const name *names)
{
    for (const name *n = names; n->text; n++)
        if (n->value == value)
            return n->text;
    return NULL;
}

static const name day_counts[] = {
    {"equal", SL_DAY_COUNT_EQUAL}, {"like", SL_DAY_COUNT_EQUAL},
    {"act365", SL_DAY_COUNT_ACT365}, {"act/365", SL_DAY_COUNT_ACT365},
    {"faktiske-dager", SL_DAY_COUNT_ACT365}, {NULL, 0}};
static const name borrowers[] = {
    {"household", SL_BORROWER_HOUSEHOLD}, {"husstand", SL_BORROWER_HOUSEHOLD},
    {"privat", SL_BORROWER_HOUSEHOLD}, {"kommune", SL_BORROWER_KOMMUNE},
    {"borettslag", SL_BORROWER_BORETTSLAG}, {NULL, 0}};
static const name price_rules[] = {
    {"fixed", SL_PRICE_FIXED}, {"fastpris", SL_PRICE_FIXED},
    {"indexed", SL_PRICE_INDEXED}, {"indeksert", SL_PRICE_INDEXED},
    {"appraisal", SL_PRICE_APPRAISAL}, {"takst", SL_PRICE_APPRAISAL}, {NULL, 0}};
static const name properties[] = {
    {"selveier", SL_PROPERTY_SELVEIER}, {"freehold", SL_PROPERTY_SELVEIER},
    {"borettslag", SL_PROPERTY_BORETTSLAG}, {"cooperative", SL_PROPERTY_BORETTSLAG}, {NULL, 0}};
static const name models[] = {
    {"rent-to-own", SL_RTO_RENT_TO_OWN}, {"leie-til-eie", SL_RTO_RENT_TO_OWN},
    {"rent-before-own", SL_RTO_RENT_BEFORE_OWN}, {"leie-før-eie", SL_RTO_RENT_BEFORE_OWN},
    {"leie-for-eie", SL_RTO_RENT_BEFORE_OWN}, {NULL, 0}};
static const name tenures[] = {
    {"selveier", SL_TENURE_SELVEIER}, {"borettslag", SL_TENURE_BORETTSLAG},
    {"aksje", SL_TENURE_AKSJE}, {"obos", SL_TENURE_BORETTSLAG}, {"andel", SL_TENURE_BORETTSLAG},
    {NULL, 0}};

#define ENUM_NAMES(type, prefix, table)                                                    \
    int prefix##_parse(type *out, const char *text)                                        \
    {                                                                                      \
        int v = 0;                                                                         \
        int rc = out ? lookup(&v, text, table) : SL_ENULL;                                 \
        if (rc == SL_OK)                                                                   \
            *out = (type)v;                                                                \
        return rc;                                                                         \
    }                                                                                      \
    const char *prefix##_name(type value)                                                  \
    {                                                                                      \
        return name_of((int)value, table);                                                 \
    }

ENUM_NAMES(sl_day_count, sl_day_count, day_counts)
ENUM_NAMES(sl_borrower, sl_borrower, borrowers)
ENUM_NAMES(sl_price_rule, sl_price_rule, price_rules)
ENUM_NAMES(sl_property_type, sl_property_type, properties)
ENUM_NAMES(sl_rto_model, sl_rto_model, models)
ENUM_NAMES(sl_tenure, sl_tenure, tenures)

static const name yes_no[] = {
    {"yes", 1}, {"ja", 1}, {"y", 1}, {"j", 1}, {"1", 1}, {"true", 1}, {"sann", 1},
    {"no", 0},  {"nei", 0}, {"n", 0}, {"0", 0}, {"false", 0}, {"usann", 0}, {NULL, 0}};

int sl__yes_no_parse(int *out, const char *text)
{
    return lookup(out, text, yes_no);
}
