/* The guideline tables shipped with the library: byte for byte the text of
 * data/guidelines.txt (tests/test_guideline.c checks that they are equal).
 * Edit both together. */
#include "startlan/guideline.h"

static const char default_text[] =
    "# The state's guideline rates for financial assistance (statlige veiledende\n"
    "# retningslinjer for utmåling av økonomisk stønad), per month, in kroner.\n"
    "# Source: Rundskriv A-3/2023 \"Statlege rettleiande retningslinjer for økonomisk\n"
    "# stønad for 2024\", issued by Arbeids- og inkluderingsdepartementet (the\n"
    "# ministry): the rates from 2024-01-01, with the rates from 2023-07-01 in\n"
    "# brackets (regjeringen.no). Husbanken's guide \"Beregne betjeningsevnen\" for\n"
    "# startlån uses them as the floor. The rates leave out housing, strøm og\n"
    "# oppvarming, bolig- og innboforsikring and innbo og utstyr.\n"
    "#\n"
    "# startlan uses these as the floor for a household's living costs when it\n"
    "# computes debt-service capacity (betjeningsevne). When the state publishes\n"
    "# new rates, add a line (or load your own file with the same format).\n"
    "#\n"
    "# Format: one table per line, fields separated by spaces or tabs:\n"
    "#   valid-from  single  couple  sharing  child-0-5  child-6-10  child-11-17\n"
    "# valid-from is YYYY-MM-DD; lines must be in increasing date order; a table\n"
    "# applies from its date until the next table's date. Amounts are kroner per\n"
    "# month (decimals allowed: 7850 or 7850.00). '#' starts a comment.\n"
    "#   single       enslig (a single adult)\n"
    "#   couple       ektepar/samboere (two adults together)\n"
    "#   sharing      person i bofellesskap (an adult sharing a home)\n"
    "#   child-*      per child in that age band\n"
    "#\n"
    "# valid-from  single  couple  sharing  child-0-5  child-6-10  child-11-17\n"
    "2023-07-01    7550    12600   6350     3700       3800        4950\n"
    "2024-01-01    7850    13100   6600     3850       3950        5150\n";

const char *sl_guideline_default_text(void)
{
    return default_text;
}
