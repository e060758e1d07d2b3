/* The income years' tax rules for wage income shipped with the library,
 * each with where it was read. Amounts in øre, rates as exact fractions. */
#include <stdio.h>
#include <string.h>

#include "api_internal.h"
#include "arith_internal.h"
#include "startlan/tax.h"

#define KR(x) ((sl_money)(x) * 100)
#define PCT10(x) {(x), 1000} /* x tenths of a percent */

static const sl_tax_rules shipped[] = {
    {SL_TAX_RULES_VERSION, 2024, {22, 100}, KR(88250), {46, 100}, KR(104450), PCT10(78),
     KR(69650), {25, 100}, 5,
     {KR(208050), KR(292850), KR(670000), KR(937900), KR(1350000)},
     {PCT10(17), PCT10(40), PCT10(136), PCT10(166), PCT10(176)},
     "Finansdepartementet, \"Skattesatser, fradrag og beløpsgrenser i 2024 og 2025\" (as "
     "reproduced by efacta.no/revisjonvest 2025/1 m-6335); RSM Norge, \"Sentrale skattesatser, "
     "grenser og fradrag 2025\" (personfradrag 88 250, minstefradrag lønn 104 450 in 2024)"},
    {SL_TAX_RULES_VERSION, 2025, {22, 100}, KR(108550), {46, 100}, KR(92000), PCT10(77),
     KR(99650), {25, 100}, 5,
     {KR(217400), KR(306050), KR(697150), KR(942400), KR(1410750)},
     {PCT10(17), PCT10(40), PCT10(137), PCT10(167), PCT10(177)},
     "Finansdepartementet, \"Skattesatser, fradrag og beløpsgrenser i 2024 og 2025\" "
     "(efacta.no/revisjonvest 2025/1 m-6335); regjeringen.no \"Skattesatser 2026\" (2025 "
     "column); RSM Norge 2025 (personfradrag 108 550, minstefradrag lønn 92 000)"},
    {SL_TAX_RULES_VERSION, 2026, {22, 100}, KR(114540), {46, 100}, KR(95700), PCT10(76),
     KR(99650), {25, 100}, 5,
     {KR(226100), KR(318300), KR(725050), KR(980100), KR(1467200)},
     {PCT10(17), PCT10(40), PCT10(137), PCT10(168), PCT10(178)},
     "\"Skattesatser, fradrag og beløpsgrenser i 2025 og 2026\", 2026-regler as enacted "
     "(efacta.no m-6335; the government's proposal on regjeringen.no had 16.7 and 17.7 % in "
     "steps 4 and 5); personfradrag 114 540 as enacted (DinSide, \"Disse får mer\", 2026; "
     "the proposal had 114 210, BDO); minstefradrag lønn 46 %, at most 95 700 (BDO, "
     "statsbudsjettet 2026)"},
};

#define N_SHIPPED (sizeof shipped / sizeof shipped[0])

void sl_tax_years(int *first, int *last)
{
    if (first)
        *first = shipped[0].year;
    if (last)
        *last = shipped[N_SHIPPED - 1].year;
}

void sl_tax_rules_init(sl_tax_rules *rules)
{
    if (rules)
        *rules = (sl_tax_rules)SL_TAX_RULES_INIT;
}

int sl_tax_rules_for_year(sl_tax_rules *out, int year, sl_error *err)
{
    sl__error_reset(err);
    if (!out)
        return sl__null(err, "out");
    for (size_t i = 0; i < N_SHIPPED; i++) {
        if (shipped[i].year == year) {
            *out = shipped[i];
            return SL_OK;
        }
    }
    char text[16];
    snprintf(text, sizeof text, "%d", year);
    return sl__fail(err, SL_EINVAL, "year", text,
                    "year %d: no tax rules shipped for it (the library has %d to %d)", year,
                    shipped[0].year, shipped[N_SHIPPED - 1].year);
}
