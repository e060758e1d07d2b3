/* sl-web's page: reads the forms, asks the JSON API, shows the answer.
 * Amounts arrive as exact strings ("11306.17"); sums are made in integer
 * øre, never in floating point, so the yearly view adds up to the øre. */
"use strict";
(function () {
  const EN = {
    title: "Start loan calculator", lead: "Exact to the øre, computed by startlan. Nothing is stored.",
    tabs: "Calculations", tab_plan: "Payment plan", tab_finance: "Whole purchase",
    tab_capacity: "Capacity", tab_rent: "Rent to own, part-own", amount: "Loan amount (kr)",
    rate: "Nominal rate (%)", years: "Term (years)", type: "Loan type", annuity: "Annuity",
    serial: "Serial", term_fee: "Term fee (kr)", establishment_fee: "Establishment fee (kr)",
    interest_only_terms: "Interest-only terms", rate_shock: "What if the rate rises?",
    price: "Price (kr)", own_funds: "Own funds (kr)", bank_share: "Bank loan, share of price (%)",
    bank_rate: "Bank's rate (%)", start_rate: "Husbanken's rate (%)",
    margin: "Kommune's margin (points)", adults: "Adults (1 or 2)", children_0_5: "Children 0–5",
    children_6_10: "Children 6–10", children_11_17: "Children 11–17",
    gross_income_yearly: "Gross income a year (kr)", policy_rate: "Policy rate (%)",
    date: "Date (DD.MM.YYYY)", income: "Net income a month (kr)",
    fixed_costs: "Other fixed costs a month (kr)", maintenance: "Maintenance a month (kr)",
    model: "Model", rent_to_own: "Rent to own", rent_before_own: "Rent before own",
    part_own: "Part ownership", rent_months: "Months renting", rent: "Rent a month (kr)",
    saving: "Own saving a month (kr)", grant: "Grant (kr)", start: "First rent month (DD.MM.YYYY)",
    share: "Share bought first (%)", market_rent: "Market rent for the whole home a month (kr)",
    buy: "Buys more (month:percent, e.g. 36:10; 60:40)", discount_per_tenth: "Discount per tenth bought (%)",
    footer: "Amounts are exact to the øre (startlan). Rate changes, fees and rules: see the documentation.",
  };
  const NB = {
    first_payment: "Første termin", effective_rate: "Effektiv rente", total_cost: "Kostnad",
    total_payable: "Totalt å betale", interest: "Sum renter", terms: "Terminer",
    year: "År", paid: "Innbetalt", interest_col: "Renter", principal: "Avdrag", fees: "Gebyrer", balance: "Restgjeld",
    yearly: "År for år", chart_caption: "Restgjeld år for år, og renter og avdrag hvert år (som i PDF-en)",
    chart_alt: "To diagrammer: restgjelden år for år, og hva som betales i renter og avdrag hvert år",
    rent_chart_caption: "Hva dere betaler hver måned, og restgjelden (med verdiøkning også egenkapitalen) over tid, som i PDF-en",
    rent_chart_alt: "To diagrammer: hva dere betaler hver måned i husleie og lån, og restgjelden over tid",
    download_csv: "Last ned CSV", download_pdf: "Last ned PDF", link: "Lenke til denne beregningen",
    shock: (p, pay, more, eff) => `Med renten ${p} prosentpoeng høyere: første termin ${pay}\u00a0kr (${more}\u00a0kr mer), effektiv rente ${eff}.`,
    points: (p) => `+${p} prosentpoeng`, working: "Regner …", failed: "Svaret kom ikke fram. Prøv igjen.", yes: "Ja", no: "Nei",
    key_figures: "Nøkkeltall", details: "Detaljer", lang_other: "English", rows_more: (n) => `… og ${n} rader til (i CSV-fila)`,
    /* sl-finance */
    uses: "Bruk", sources: "Kilder", price: "Kjøpesum", document_tax: "Dokumentavgift",
    registration_fees: "Tinglysing", establishment_fees: "Etableringsgebyr", total_need: "Sum behov",
    own_funds: "Egenkapital", bank_loan: "Banklån", start_loan: "Startlån", grant: "Tilskudd", total: "Sum",
    monthly: "Månedlig betaling", monthly_first: "Første måned, begge lån", after_deduction: "Etter rentefradrag",
    interest_deduction: "Rentefradrag", common_costs: "Felleskostnader",
    capacity: "Betjeningsevne (stresset rente)", available: "Til disposisjon", surplus: "Overskudd", deficit: "Underskudd",
    stressed_bank: (r) => `Banklån ved ${r}`, stressed_start: (r) => `Startlån ved ${r}`,
    fits_yes: "Begge lånene kan betjenes ved stresset rente.", fits_no: (a) => `Lånene kan ikke betjenes: ${a}\u00a0kr mangler hver måned ved stresset rente.`,
    grant_need: "Tilskuddsbehov", max_price: "Største kjøpesum", paid_bank: "Banklån betalt", paid_start: "Startlån betalt",
    balance_bank: "Restgjeld bank", balance_start: "Restgjeld startlån",
    /* sl-capacity */
    income: "Netto inntekt", living_costs: "Levekostnader", housing_costs: "Boutgifter", other_costs: "Andre utgifter",
    max_loan: "Største startlån", stressed_payment: (r) => `Betaling ved ${r}`, loan_checked: "Lånet som er sjekket",
    yearly_stressed: (r) => `År for år: største lån ved stresset rente ${r}`,
    /* sl-rent-to-own */
    rent_before: "Husleie i måneden", transition: "Overtakelse", loan_amount: "Lånebeløp", first_payment_loan: "Første termin på lånet",
    month_before: "Månedlig før (husleie og sparing)", month_after: "Månedlig etter (etter rentefradrag)", change: "Endring i måneden",
    equity_at_purchase: "Egenkapital ved kjøpet", equity_required: "Krav til egenkapital", purchase_price: "Kjøpesum",
    rent_paid: "Husleie betalt i alt", savings: "Sparing i alt", transaction_costs: "Kjøpskostnader",
    month_n: (d, m) => `${d} (måned\u00a0${m})`, share_percent: "Andel kjøpt først", housing_first: "Boutgift første måned",
    housing_highest: "Høyeste boutgift i måneden", phase: "Fase", rent_phase: "leie", own_phase: "eie",
    housing_cost: "Boutgift", rent_col: "Husleie", loan_paid: "Lån betalt", bought: "Kjøpt", owned: "Eierandel", equity: "Egenkapital",
    savings_end: "Sparing", equity_short: "Egenkapitalen ved kjøpet er lavere enn kravet.",
  };
  const EN_R = {
    first_payment: "First payment", effective_rate: "Effective rate", total_cost: "Cost",
    total_payable: "Total payable", interest: "Total interest", terms: "Terms",
    year: "Year", paid: "Paid", interest_col: "Interest", principal: "Principal", fees: "Fees", balance: "Balance",
    yearly: "Year by year", chart_caption: "The balance year by year, and interest and principal each year (as in the PDF)",
    chart_alt: "Two charts: the balance year by year, and what is paid in interest and principal each year",
    rent_chart_caption: "What you pay each month, and the loan (with value growth also your equity) over time, as in the PDF",
    rent_chart_alt: "Two charts: what you pay each month in rent and loan, and the loan over time",
    download_csv: "Download CSV", download_pdf: "Download PDF", link: "Link to this calculation",
    shock: (p, pay, more, eff) => `With the rate ${p} points higher: first payment ${pay}\u00a0kr (${more}\u00a0kr more), effective rate ${eff}.`,
    points: (p) => `+${p} points`, working: "Computing …", failed: "No answer came. Try again.", yes: "Yes", no: "No",
    key_figures: "Key figures", details: "Details", lang_other: "Norsk", rows_more: (n) => `… and ${n} more rows (in the CSV file)`,
    uses: "Uses", sources: "Sources", price: "Price", document_tax: "Document tax",
    registration_fees: "Registration", establishment_fees: "Establishment fees", total_need: "Total need",
    own_funds: "Own funds", bank_loan: "Bank loan", start_loan: "Start loan", grant: "Grant", total: "Total",
    monthly: "Monthly payment", monthly_first: "First month, both loans", after_deduction: "After the interest deduction",
    interest_deduction: "Interest deduction", common_costs: "Common costs",
    capacity: "Capacity (stressed rates)", available: "Available", surplus: "Surplus", deficit: "Shortfall",
    stressed_bank: (r) => `Bank loan at ${r}`, stressed_start: (r) => `Start loan at ${r}`,
    fits_yes: "Both loans can be carried at the stressed rates.", fits_no: (a) => `The loans cannot be carried: ${a}\u00a0kr short every month at the stressed rates.`,
    grant_need: "Grant need", max_price: "Largest price", paid_bank: "Bank loan paid", paid_start: "Start loan paid",
    balance_bank: "Bank balance", balance_start: "Start loan balance",
    income: "Net income", living_costs: "Living costs", housing_costs: "Housing costs", other_costs: "Other costs",
    max_loan: "Largest start loan", stressed_payment: (r) => `Payment at ${r}`, loan_checked: "The loan checked",
    yearly_stressed: (r) => `Year by year: the largest loan at the stressed rate ${r}`,
    rent_before: "Rent a month", transition: "Transfer", loan_amount: "Loan amount", first_payment_loan: "The loan's first payment",
    month_before: "A month before (rent and saving)", month_after: "A month after (after the interest deduction)", change: "Change a month",
    equity_at_purchase: "Equity at the purchase", equity_required: "Equity required", purchase_price: "Price",
    rent_paid: "Rent paid in all", savings: "Saving in all", transaction_costs: "Purchase costs",
    month_n: (d, m) => `${d} (month\u00a0${m})`, share_percent: "Share bought first", housing_first: "Housing cost, first month",
    housing_highest: "Highest housing cost a month", phase: "Phase", rent_phase: "rent", own_phase: "own",
    housing_cost: "Housing cost", rent_col: "Rent", loan_paid: "Loan payments", bought: "Bought", owned: "Owned", equity: "Equity",
    savings_end: "Saving", equity_short: "The equity at the purchase is below the requirement.",
  };
  const en = document.documentElement.lang === "en";
  const T = en ? EN_R : NB;

  /* Amounts and rates as text: "1234567.89" → "1 234 567,89" (no-break spaces). */
  function money(s) {
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(String(s));
    if (!m) return String(s);
    const group = en ? "," : "\u00a0", mark = en ? "." : ",";
    return (m[1] ? "\u2212" : "") + m[2].replace(/\B(?=(\d{3})+(?!\d))/g, group) +
      (m[3] !== undefined ? mark + m[3] : "");
  }
  function percent(s) { return money(s) + "\u00a0%"; }
  /* An amount with its unit, never split across lines. */
  function kr(s) { return money(s) + "\u00a0kr"; }
  /* "2028-01-01" → "01.01.2028" (as Norwegian forms write dates). */
  function day(s) { return en ? s : s.split("-").reverse().join("."); }
  function ore(s) { /* "1234.56" → 123456 (exact: amounts stay far below 2^53 øre) */
    const m = /^(-?)(\d+)\.(\d\d)$/.exec(s);
    return m ? (m[1] ? -1 : 1) * (Number(m[2]) * 100 + Number(m[3])) : NaN;
  }
  function kroner(n) {
    const sign = n < 0 ? "-" : "", a = Math.abs(n);
    return sign + Math.floor(a / 100) + "." + String(a % 100).padStart(2, "0");
  }
  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") e.textContent = v; else e.setAttribute(k, v);
    }
    for (const k of kids) if (k != null) e.append(k);
    return e;
  }
  /* English texts for the static page. */
  if (en) {
    document.title = EN.title;
    for (const e of document.querySelectorAll("[data-t]")) if (EN[e.dataset.t]) e.textContent = EN[e.dataset.t];
    for (const e of document.querySelectorAll("[data-t-label]")) e.setAttribute("aria-label", EN[e.dataset.tLabel]);
  }

  const tabs = [...document.querySelectorAll('[role="tab"]')];
  const panels = tabs.map((t) => document.getElementById(t.getAttribute("aria-controls")));
  const params = new URLSearchParams(location.search);
  const langLink = document.getElementById("lang-switch");

  function select(i, focus) {
    tabs.forEach((t, k) => {
      t.setAttribute("aria-selected", String(k === i));
      t.tabIndex = k === i ? 0 : -1;
      panels[k].hidden = k !== i;
    });
    if (focus) tabs[i].focus();
    compute(panels[i]);
  }
  tabs.forEach((t, i) => {
    t.addEventListener("click", () => select(i, false));
    t.addEventListener("keydown", (ev) => {
      const n = tabs.length;
      const to = { ArrowRight: (i + 1) % n, ArrowLeft: (i + n - 1) % n, Home: 0, End: n - 1 }[ev.key];
      if (to !== undefined) { ev.preventDefault(); select(to, true); }
    });
  });

  function fields(panel) {
    const body = { lang: en ? "en" : "nb" }; /* the program's messages in the page's language */
    for (const input of panel.querySelectorAll("form [name]")) {
      const v = input.value.trim();
      if (v === "" || (input.type === "range" && Number(v) === 0) || input.closest(".field[hidden]")) continue;
      body[input.name] = v === "true" ? true : input.name === "buy" ? purchases(v) : v;
    }
    return body;
  }

  /* "36:10; 60:7,5" → ["36:10", "60:7,5"] (--buy is given once a purchase);
   * anything else goes as typed, for the program to name what is wrong. */
  function purchases(v) {
    const each = v.split(/\s*[;\s]\s*/).filter(Boolean);
    return each.every((b) => /^\d+:\d+(?:[.,]\d+)?$/.test(b)) ? each : v;
  }
  /* Part-own has inputs of its own; rent-to-own and rent-before-own others. */
  function showModel(panel) {
    const model = panel.querySelector('[name="model"]');
    if (!model) return;
    for (const f of panel.querySelectorAll(".field[data-models]"))
      f.hidden = !f.dataset.models.split(" ").includes(model.value);
  }

  /* The URL reproduces the page: the tab and its inputs. */
  function remember(panel) {
    const p = new URLSearchParams();
    if (params.get("lang")) p.set("lang", params.get("lang"));
    p.set("tab", panel.id.replace("panel-", ""));
    for (const input of panel.querySelectorAll("form [name]"))
      if (input.type !== "hidden") p.set(input.name, input.value);
    history.replaceState(null, "", "?" + p.toString());
    const other = new URLSearchParams(p);
    other.set("lang", en ? "nb" : "en");
    langLink.href = "?" + other.toString();
    langLink.textContent = T.lang_other;
    return location.href;
  }
  /* The slider says its value in words, on screen and to a screen reader. */
  function showRange(input) {
    const o = document.getElementById(input.id + "-out");
    const text = T.points(money(input.value));
    if (o) o.value = text;
    input.setAttribute("aria-valuetext", text);
  }
  function restore() {
    const tab = params.get("tab");
    const i = Math.max(0, tabs.findIndex((t) => t.id === "tab-" + tab));
    for (const input of panels[i].querySelectorAll("form [name]"))
      if (params.has(input.name) && input.type !== "hidden") input.value = params.get(input.name);
    showModel(panels[i]);
    for (const range of document.querySelectorAll('input[type="range"]')) showRange(range);
    return i;
  }

  function clearErrors(panel) {
    for (const e of panel.querySelectorAll(".error")) e.remove();
    for (const e of panel.querySelectorAll("[aria-invalid]")) {
      e.removeAttribute("aria-invalid");
      e.removeAttribute("aria-describedby");
    }
  }
  function showError(panel, err) {
    const input = err.field && panel.querySelector(`form [name="${CSS.escape(err.field)}"]:not([type=hidden])`);
    const text = (err.value != null && !input ? `${err.field}: '${err.value}': ` : "") + err.message;
    const msg = el("p", { class: "error", role: "alert", text });
    if (input) {
      msg.id = input.id + "-error";
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", msg.id);
      input.closest(".field").append(msg);
    } else {
      panel.querySelector(".results").prepend(msg);
    }
  }

  const pending = new Map();
  async function ask(endpoint, body, signal) {
    const r = await fetch(endpoint, {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body), signal,
    });
    return r;
  }

  async function compute(panel) {
    if (pending.has(panel)) pending.get(panel).abort();
    const ctl = new AbortController();
    pending.set(panel, ctl);
    const body = fields(panel);
    const link = remember(panel);
    const results = panel.querySelector(".results");
    results.setAttribute("aria-busy", "true");
    let r, data;
    try {
      r = await ask(panel.dataset.endpoint, body, ctl.signal);
      data = await r.json();
    } catch (e) {
      if (e.name === "AbortError") return;
      clearErrors(panel);
      results.replaceChildren(el("p", { class: "error", role: "alert", text: T.failed }));
      return;
    } finally {
      if (pending.get(panel) === ctl) results.removeAttribute("aria-busy");
    }
    if (ctl.signal.aborted) return;
    clearErrors(panel);
    if (!r.ok) {
      showError(panel, data.error || { message: T.failed });
      return;
    }
    const warnings = (r.headers.get("X-Startlan-Warnings") || "").split(", ").filter(Boolean)
      .map((w) => notice(decodeURIComponent(w)));
    const out = RENDER[panel.dataset.kind](data, body, ctl.signal);
    for (const w of warnings) out.unshift(el("p", { class: "warning", text: w }));
    out.push(actions(panel, body, link));
    results.replaceChildren(...out);
  }

  /* A program's warning as the page shows it: without the program's name and
   * "warning:" (the yellow box says so), and without a hint to a command-line
   * option (the page has no field for it: "(les dem med --guidelines FIL)"). */
  function notice(w) {
    const t = w.replace(/^sl-[a-z-]+: /, "").replace(/^(advarsel|åtvaring|warning): /i, "")
      .replace(/\s*\([^()]*\s--[a-z][^()]*\)/g, "");
    return t.charAt(0).toUpperCase() + t.slice(1);
  }

  function figure(label, value, id) {
    return el("div", { class: "figure" }, el("dt", { text: label }), el("dd", { id, text: value }));
  }

  function renderPlan(d, body) {
    const s = d.schedule, t = d.totals, first = s[0];
    const figs = el("dl", { class: "figures", "aria-label": T.key_figures },
      figure(T.first_payment, kr(first.payment), "first-payment"),
      figure(T.effective_rate, percent(t.effective_rate), "effective-rate"),
      figure(T.total_cost, kr(t.total_cost), "total-cost"),
      figure(T.total_payable, kr(t.total_payable), "total-payable"),
      figure(T.terms, String(t.terms), "terms"));
    const out = [figs];
    if (d.rate_shock && body.rate_shock) {
      const sh = d.rate_shock;
      const more = kroner(ore(sh.first_payment) - ore(sh.base.first_payment));
      out.push(el("p", { class: "shock", id: "rate-shock",
        text: T.shock(money(sh.points.replace(/\.?0+$/, "")), money(sh.first_payment), money(more), percent(sh.effective_rate)) }));
    }
    out.push(chart("/api/plan", body, "plan-chart", T.chart_alt, T.chart_caption));
    out.push(...yearly(T.yearly, [T.year, T.paid, T.interest_col, T.principal, T.fees, T.balance],
      planYears(d).map((y) => [y.year, y.paid, y.interest, y.principal, y.fees, y.balance])));
    return out;
  }

  /* A plan's years: by due date when it has dates, else by term count;
   * sums in integer øre. */
  function planYears(d) {
    const n = d.loan.terms_per_year, years = [];
    for (const row of d.schedule) {
      const y = row.due_date ? Number(row.due_date.slice(0, 4)) : Math.floor((row.term - 1) / n) + 1;
      let cur = years[years.length - 1];
      if (!cur || cur.year !== y) years.push(cur = { year: y, paid: 0, interest: 0, principal: 0, fees: 0, balance: 0 });
      cur.paid += ore(row.payment); cur.interest += ore(row.interest);
      cur.principal += ore(row.principal); cur.fees += ore(row.fee); cur.balance = ore(row.closing_balance);
    }
    return years;
  }
  /* The yearly view: a heading and a table; the first cell of a row is the
   * year, numbers are øre shown as kroner, strings as they are. */
  function yearly(title, heads, rows) {
    const cell = (v) => el("td", { text: typeof v === "number" ? money(kroner(v)) : v });
    const head = el("tr", {}, ...heads.map((h) => el("th", { scope: "col", text: h })));
    const body = rows.map(([y, ...rest]) => el("tr", {}, el("th", { scope: "row", text: String(y) }), ...rest.map(cell)));
    return [el("h2", { text: title }),
      el("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": title },
        el("table", { class: "yearly" }, el("thead", {}, head), el("tbody", {}, ...body)))];
  }
  /* A yearly view that needs another answer (a plan): a place on the page,
   * filled when the answer comes, left empty when the page moved on. */
  function later(signal, fill) {
    const box = el("div", { class: "later" });
    fill().then((kids) => { if (!signal.aborted && kids) box.replaceChildren(...kids); }).catch(() => {});
    return box;
  }
  async function plan(body, signal) {
    const r = await ask("/api/plan", Object.assign({ lang: en ? "en" : "nb" }, body), signal);
    return r.ok ? r.json() : null;
  }

  /* The charts are the program's own (--format svg), the same as in its PDF. */
  const chartUrls = {};
  function chart(endpoint, body, id, alt, caption) {
    const img = el("img", { class: "chart", id, alt, width: "560", height: "600" });
    const svgBody = Object.assign({}, body, { format: "svg" });
    /* once more on a failure: --format svg sometimes aborts in cairo */
    ask(endpoint, svgBody).then((r) => (r.ok ? r : ask(endpoint, svgBody))).then(async (r) => {
      if (!r.ok) { img.remove(); return; }
      if (chartUrls[id]) URL.revokeObjectURL(chartUrls[id]);
      chartUrls[id] = URL.createObjectURL(await r.blob());
      img.src = chartUrls[id];
    }).catch(() => img.remove());
    return el("figure", {}, img, el("figcaption", { text: caption }));
  }

  /* A table of label and amount lines, as an adviser reads them on paper:
   * [label, amount, sign ("+", "−", "=" or ""), id]. */
  function lines(caption, rows) {
    return el("table", { class: "kv" }, el("caption", { text: caption }), el("tbody", {},
      ...rows.filter(Boolean).map(([label, v, sign, id]) => el("tr", { class: sign === "=" ? "sum" : null },
        el("th", { scope: "row", text: label }), el("td", { class: "sign", text: sign || "" }),
        el("td", id ? { id, text: kr(v) } : { text: kr(v) })))));
  }
  function figures(...kids) { return el("dl", { class: "figures", "aria-label": T.key_figures }, ...kids); }
  /* Overskudd or underskudd: the label says which, the amount is without sign. */
  function surplus(v, id) {
    const short = v.startsWith("-");
    return figure(short ? T.deficit : T.surplus, kr(short ? v.slice(1) : v), id);
  }
  function rate3(s) { return percent(s.replace(/(\.\d*?[1-9])0+$|\.0+$/, "$1")); }

  /* sl-finance: kilder og bruk, the month's payments before and after the
   * interest deduction, betjeningsevne, grant need and the largest price;
   * the yearly view from both loans' plans (sl-plan with sl-finance's terms). */
  function renderFinance(d, body, signal) {
    const out = [figures(
      figure(T.monthly_first, kr(d.first_payment_total), "finance-monthly"),
      figure(T.after_deduction, kr(d.monthly_after_tax_deduction), "finance-after-deduction"),
      d.surplus != null ? surplus(d.surplus, "finance-surplus") : null,
      d.max_price != null ? figure(T.max_price, kr(d.max_price), "finance-max-price") : null,
      d.grant_need != null ? figure(T.grant_need, kr(d.grant_need), "finance-grant-need") : null)];
    out.push(el("div", { class: "columns" },
      lines(T.uses, [[T.price, d.price], [T.document_tax, d.document_tax, "+"],
        [T.registration_fees, d.registration_fees, "+"], [T.establishment_fees, d.establishment_fees, "+"],
        [T.total_need, d.total_need, "="]]),
      lines(T.sources, [[T.own_funds, d.own_funds], [T.bank_loan, d.bank_loan, "+", "finance-bank-loan"],
        [T.start_loan, d.start_loan, "+", "finance-start-loan"], [T.grant, d.grant, "+"],
        [T.total, d.total_need, "="]])));
    out.push(el("div", { class: "columns" },
      lines(T.monthly, [[T.bank_loan, d.first_payment_bank], [T.start_loan, d.first_payment_start_loan, "+"],
        d.common_costs !== "0.00" ? [T.common_costs, d.common_costs, "+"] : null,
        [T.total, d.first_payment_total, "="], [T.interest_deduction, d.tax_deduction_first_month, "−"],
        [T.after_deduction, d.monthly_after_tax_deduction, "="]]),
      d.available != null ? lines(T.capacity, [[T.available, d.available],
        [T.stressed_bank(rate3(d.bank_stressed_rate)), d.stressed_payment_bank, "−"],
        [T.stressed_start(rate3(d.start_stressed_rate)), d.stressed_payment_start_loan, "−"],
        [d.surplus.startsWith("-") ? T.deficit : T.surplus, d.surplus, "="]]) : null));
    if (d.fits != null)
      out.push(el("p", { class: d.fits ? "verdict" : "verdict bad", text: d.fits ? T.fits_yes : T.fits_no(money(d.surplus.slice(1))) }));
    const loan = (amount, extra) => Object.assign({ amount, years: 30 }, extra);
    out.push(later(signal, async () => {
      const [bank, start] = await Promise.all([
        ore(d.bank_loan) > 0 ? plan(loan(d.bank_loan, { rate: body.bank_rate, years: body.bank_years || 30,
          type: body.bank_type, term_fee: body.bank_term_fee }), signal) : null,
        ore(d.start_loan) > 0 ? plan(loan(d.start_loan, { rate: body.start_rate, margin: body.margin,
          years: body.start_years || 30, type: body.start_type, term_fee: body.start_term_fee || "30" }), signal) : null]);
      const b = bank ? planYears(bank) : [], st = start ? planYears(start) : [];
      const rows = [];
      for (let i = 0; i < Math.max(b.length, st.length); i++) {
        const x = b[i] || { paid: 0, interest: 0, balance: 0 }, y = st[i] || { paid: 0, interest: 0, balance: 0 };
        rows.push([i + 1, x.paid, y.paid, x.paid + y.paid, x.interest + y.interest, x.balance, y.balance]);
      }
      return yearly(T.yearly, [T.year, T.paid_bank, T.paid_start, T.paid, T.interest_col, T.balance_bank, T.balance_start], rows);
    }));
    return out;
  }

  /* sl-capacity: the budget a month, the largest loan and its payment at the
   * stressed rate; the yearly view of that loan at that rate (sl-plan). */
  function renderCapacity(d, body, signal) {
    const loan = d.max_loan != null ? d.max_loan : d.loan;
    const out = [figures(
      figure(d.max_loan != null ? T.max_loan : T.loan_checked, kr(loan), "capacity-max-loan"),
      figure(T.available, kr(d.available), "capacity-available"),
      figure(T.stressed_payment(rate3(d.stressed_rate)), kr(d.stressed_payment), "capacity-stressed-payment"),
      surplus(d.surplus, "capacity-surplus"))];
    out.push(lines(T.capacity, [[T.income, d.income], [T.living_costs, d.living_costs, "−"],
      [T.housing_costs, d.housing_costs, "−"], [T.other_costs, d.other_costs, "−"],
      d.cofinancing_payment !== "0.00" ? [T.bank_loan, d.cofinancing_payment, "−"] : null,
      [T.available, d.available, "="], [T.stressed_payment(rate3(d.stressed_rate)), d.stressed_payment, "−"],
      [d.surplus.startsWith("-") ? T.deficit : T.surplus, d.surplus, "="]]));
    out.push(later(signal, async () => {
      const p = d.plan, planned = await plan({ amount: loan, rate: d.stressed_rate, terms: p.terms,
        terms_per_year: p.terms_per_year, type: p.type, interest_only_terms: p.interest_only_terms,
        term_fee: p.term_fee }, signal);
      return planned && yearly(T.yearly_stressed(rate3(d.stressed_rate)),
        [T.year, T.paid, T.interest_col, T.principal, T.fees, T.balance],
        planYears(planned).map((y) => [y.year, y.paid, y.interest, y.principal, y.fees, y.balance]));
    }));
    return out;
  }

  /* sl-rent-to-own: the rent, the transfer, the loan and the family's month
   * before and after; deleie: the share, the loan and the housing cost.
   * The yearly view is summed from the program's months in øre. */
  function renderRent(d, body) {
    const rentChart = () => chart("/api/rent-to-own", body, "rent-chart", T.rent_chart_alt, T.rent_chart_caption);
    const s = d.summary, out = [];
    const byYear = (row) => Number(row.date.slice(0, 4));
    const years = [];
    for (const row of d.timeline) {
      let cur = years[years.length - 1];
      if (!cur || cur.year !== byYear(row)) years.push(cur = { year: byYear(row), rows: [] });
      cur.rows.push(row);
    }
    const sum = (rows, k) => rows.reduce((a, r) => a + ore(r[k]), 0);
    const last = (rows) => rows[rows.length - 1];
    if (d.model === "part-own") {
      out.push(figures(
        figure(T.share_percent, percent(s.share_percent), "rent-share"),
        figure(T.loan_amount, kr(s.loan_amount), "rent-loan"),
        figure(T.first_payment_loan, kr(s.first_payment), "rent-first-payment"),
        figure(T.housing_first, kr(s.housing_cost_first_month), "rent-housing-first"),
        figure(T.housing_highest, kr(s.highest_housing_cost), "rent-housing-highest"),
        figure(T.effective_rate, percent(s.effective_rate), "rent-effective-rate")));
      out.push(rentChart());
      out.push(...yearly(T.yearly, [T.year, T.owned, T.rent_col, T.loan_paid, T.housing_cost, T.bought, T.balance, T.equity],
        years.map((y) => [y.year, percent(last(y.rows).owned_percent), sum(y.rows, "rent"), sum(y.rows, "loan_payment"),
          sum(y.rows, "housing_cost"), sum(y.rows, "bought"), ore(last(y.rows).loan_balance), ore(last(y.rows).equity)])));
      return out;
    }
    const b = d.budget;
    out.push(figures(
      figure(T.rent_before, kr(s.rent_before), "rent-rent"),
      figure(T.transition, T.month_n(day(s.transition_date), s.transition_month), "rent-transition"),
      figure(T.loan_amount, kr(s.loan_amount), "rent-loan"),
      figure(T.first_payment_loan, kr(s.first_payment), "rent-first-payment"),
      b ? figure(T.month_before, kr(b.before.total), "rent-before") : null,
      b ? figure(T.month_after, kr(b.after.total), "rent-after") : null));
    if ((s.findings || []).includes("equity-short")) out.push(el("p", { class: "verdict bad", text: T.equity_short }));
    out.push(el("div", { class: "columns" },
      lines(T.transition, [[T.purchase_price, s.purchase_price], [T.transaction_costs, s.transaction_costs],
        [T.equity_at_purchase, s.equity_at_purchase], [T.equity_required, s.equity_required],
        [T.loan_amount, s.loan_amount]]),
      b ? lines(T.monthly, [[T.rent_before, b.before.rent], [T.savings_end, b.before.saving, "+"],
        [T.month_before, b.before.total, "="], [T.first_payment_loan, b.after.payment],
        [T.interest_deduction, b.after.interest_deduction, "−"], [T.month_after, b.after.total, "="],
        [T.change, b.monthly_change]]) : null));
    out.push(rentChart());
    out.push(...yearly(T.yearly, [T.year, T.phase, T.housing_cost, T.savings_end, T.balance],
      years.map((y) => [y.year, [...new Set(y.rows.map((r) => r.phase === "rent" ? T.rent_phase : T.own_phase))].join(", "),
        sum(y.rows, "housing_cost"), ore(last(y.rows).savings_balance), ore(last(y.rows).loan_balance)])));
    return out;
  }
  const RENDER = { plan: renderPlan, finance: renderFinance, capacity: renderCapacity, rent: renderRent };
  /* The rent-to-own CSV is the year by year on screen; deleie's has every month. */
  function csvView(body, options) {
    return options.format === "csv" && body.model && body.model !== "part-own" ? { view: "year" } : {};
  }

  /* Downloads: what is on screen, in the formats the program writes. */
  /* The Norwegian CSV (excel-no: ';', decimal comma, BOM), for a spreadsheet. */
  const NORWEGIAN_CSV = { format: "csv", csv_style: "excel-no" };
  const DOWNLOADS = { "/api/plan": [{ format: "pdf" }, NORWEGIAN_CSV], "/api/finance": [{ format: "pdf" }, NORWEGIAN_CSV],
    "/api/rent-to-own": [{ format: "pdf" }, NORWEGIAN_CSV], "/api/capacity": [{ format: "pdf" }, NORWEGIAN_CSV] };
  function actions(panel, body, link) {
    const box = el("p", { class: "actions" });
    for (const options of DOWNLOADS[panel.dataset.endpoint] || []) {
      const b = el("button", { type: "button", class: "download", "data-format": options.format,
        text: options.format === "pdf" ? T.download_pdf : T.download_csv });
      b.addEventListener("click", () => download(panel, body, options));
      box.append(b, " ");
    }
    box.append(el("a", { href: link, class: "permalink", text: T.link }));
    return box;
  }
  async function download(panel, body, options) {
    const format = options.format;
    const r = await ask(panel.dataset.endpoint, Object.assign({}, body, options, csvView(body, options)));
    if (!r.ok) { showError(panel, (await r.json()).error); return; }
    const blob = await r.blob();
    const a = el("a", { href: URL.createObjectURL(blob),
      download: panel.id.replace("panel-", "startlan-") + "." + (format === "pdf" ? "pdf" : "csv") });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  let timer = null;
  for (const panel of panels) {
    panel.querySelector("form").addEventListener("input", (ev) => {
      if (ev.target.name === "model") showModel(panel);
      if (ev.target.type === "range") showRange(ev.target);
      clearTimeout(timer);
      timer = setTimeout(() => compute(panel), 200);
    });
    panel.querySelector("form").addEventListener("submit", (ev) => { ev.preventDefault(); compute(panel); });
  }
  select(restore(), false);
})();
