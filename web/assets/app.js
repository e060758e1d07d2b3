/* sl-web's page: reads the forms, asks the JSON API, shows the answer.
 * Amounts arrive as exact strings ("11306.17"); sums are made in integer
 * øre, never in floating point, so the yearly view adds up to the øre. */
"use strict";
(function () {
  const EN = {
    title: "Start loan calculator", lead: "Exact to the øre, computed by startlan. Nothing is stored.",
    tabs: "Calculations", tab_plan: "Payment plan", tab_finance: "Whole purchase",
    tab_capacity: "Capacity", tab_rent: "Rent to own", amount: "Loan amount (kr)",
    rate: "Nominal rate (%)", years: "Term (years)", type: "Loan type", annuity: "Annuity",
    serial: "Serial", term_fee: "Term fee (kr)", establishment_fee: "Establishment fee (kr)",
    interest_only_terms: "Interest-only terms", rate_shock: "What if the rate rises? (points)",
    price: "Price (kr)", own_funds: "Own funds (kr)", bank_share: "Bank loan, share of price (%)",
    bank_rate: "Bank's rate (%)", start_rate: "Husbanken's rate (%)",
    margin: "Kommune's margin (points)", adults: "Adults (1 or 2)", children_0_5: "Children 0–5",
    children_6_10: "Children 6–10", children_11_17: "Children 11–17",
    gross_income_yearly: "Gross income a year (kr)", policy_rate: "Policy rate (%)",
    date: "Date (YYYY-MM-DD)", income: "Net income a month (kr)",
    fixed_costs: "Other fixed costs a month (kr)", maintenance: "Maintenance a month (kr)",
    model: "Model", rent_to_own: "Rent to own", rent_before_own: "Rent before own",
    part_own: "Part ownership", rent_months: "Months renting", rent: "Rent a month (kr)",
    saving: "Own saving a month (kr)", grant: "Grant (kr)", start: "First rent month (YYYY-MM-DD)",
    footer: "Amounts are exact to the øre (startlan). Rate changes, fees and rules: see the documentation.",
  };
  const NB = {
    first_payment: "Første termin", effective_rate: "Effektiv rente", total_cost: "Kostnad",
    total_payable: "Totalt å betale", interest: "Sum renter", terms: "Terminer",
    year: "År", paid: "Innbetalt", interest_col: "Renter", principal: "Avdrag", fees: "Gebyrer", balance: "Restgjeld",
    yearly: "År for år", chart_caption: "Restgjeld år for år, og renter og avdrag hvert år (som i PDF-en)",
    chart_alt: "To diagrammer: restgjelden år for år, og hva som betales i renter og avdrag hvert år",
    download_csv: "Last ned CSV", download_pdf: "Last ned PDF", link: "Lenke til denne beregningen",
    shock: (p, pay, more, eff) => `Med renten ${p} prosentpoeng høyere: første termin ${pay} kr (${more} kr mer), effektiv rente ${eff}.`,
    working: "Regner …", failed: "Svaret kom ikke fram. Prøv igjen.", yes: "Ja", no: "Nei",
    key_figures: "Nøkkeltall", details: "Detaljer", lang_other: "English", rows_more: (n) => `… og ${n} rader til (i CSV-fila)`,
  };
  const EN_R = {
    first_payment: "First payment", effective_rate: "Effective rate", total_cost: "Cost",
    total_payable: "Total payable", interest: "Total interest", terms: "Terms",
    year: "Year", paid: "Paid", interest_col: "Interest", principal: "Principal", fees: "Fees", balance: "Balance",
    yearly: "Year by year", chart_caption: "The balance year by year, and interest and principal each year (as in the PDF)",
    chart_alt: "Two charts: the balance year by year, and what is paid in interest and principal each year",
    download_csv: "Download CSV", download_pdf: "Download PDF", link: "Link to this calculation",
    shock: (p, pay, more, eff) => `With the rate ${p} points higher: first payment ${pay} kr (${more} kr more), effective rate ${eff}.`,
    working: "Computing …", failed: "No answer came. Try again.", yes: "Yes", no: "No",
    key_figures: "Key figures", details: "Details", lang_other: "Norsk", rows_more: (n) => `… and ${n} more rows (in the CSV file)`,
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
      if (v === "" || (input.type === "range" && Number(v) === 0)) continue;
      body[input.name] = v === "true" ? true : v;
    }
    return body;
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
  function restore() {
    const tab = params.get("tab");
    const i = Math.max(0, tabs.findIndex((t) => t.id === "tab-" + tab));
    for (const input of panels[i].querySelectorAll("form [name]"))
      if (params.has(input.name) && input.type !== "hidden") input.value = params.get(input.name);
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
      .map((w) => decodeURIComponent(w).replace(/^sl-[a-z-]+: /, ""));
    const out = [];
    if (panel.dataset.kind === "plan") out.push(...renderPlan(data, body));
    else out.push(...renderGeneric(data));
    for (const w of warnings) out.unshift(el("p", { class: "warning", text: w }));
    out.push(actions(panel, body, link));
    results.replaceChildren(...out);
  }

  function figure(label, value, id) {
    return el("div", { class: "figure" }, el("dt", { text: label }), el("dd", { id, text: value }));
  }

  function renderPlan(d, body) {
    const s = d.schedule, t = d.totals, first = s[0];
    const figs = el("dl", { class: "figures", "aria-label": T.key_figures },
      figure(T.first_payment, money(first.payment) + " kr", "first-payment"),
      figure(T.effective_rate, percent(t.effective_rate), "effective-rate"),
      figure(T.total_cost, money(t.total_cost) + " kr", "total-cost"),
      figure(T.total_payable, money(t.total_payable) + " kr", "total-payable"),
      figure(T.terms, String(t.terms), "terms"));
    const out = [figs];
    if (d.rate_shock && body.rate_shock) {
      const sh = d.rate_shock;
      const more = kroner(ore(sh.first_payment) - ore(sh.base.first_payment));
      out.push(el("p", { class: "shock", id: "rate-shock",
        text: T.shock(money(sh.points.replace(/\.?0+$/, "")), money(sh.first_payment), money(more), percent(sh.effective_rate)) }));
    }
    /* Years: by due date when the plan has dates, else by term count. */
    const n = d.loan.terms_per_year, years = [];
    for (const row of s) {
      const y = row.due_date ? Number(row.due_date.slice(0, 4)) : Math.floor((row.term - 1) / n) + 1;
      let cur = years[years.length - 1];
      if (!cur || cur.year !== y) years.push(cur = { year: y, paid: 0, interest: 0, principal: 0, fees: 0, balance: 0 });
      cur.paid += ore(row.payment); cur.interest += ore(row.interest);
      cur.principal += ore(row.principal); cur.fees += ore(row.fee); cur.balance = ore(row.closing_balance);
    }
    out.push(chart(body));
    const head = el("tr", {}, ...[T.year, T.paid, T.interest_col, T.principal, T.fees, T.balance]
      .map((h) => el("th", { scope: "col", text: h })));
    const rows = years.map((y) => el("tr", {}, el("th", { scope: "row", text: String(y.year) }),
      ...[y.paid, y.interest, y.principal, y.fees, y.balance].map((v) => el("td", { text: money(kroner(v)) }))));
    out.push(el("h2", { text: T.yearly }),
      el("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": T.yearly },
        el("table", { class: "yearly" }, el("thead", {}, head), el("tbody", {}, ...rows))));
    return out;
  }

  /* The charts are the program's own (--format svg), the same as in its PDF. */
  let chartUrl = null;
  function chart(body) {
    const img = el("img", { class: "chart", id: "plan-chart", alt: T.chart_alt, width: "560", height: "600" });
    const svgBody = Object.assign({}, body, { format: "svg" });
    /* once more on a failure: sl-plan --format svg sometimes aborts in cairo */
    ask("/api/plan", svgBody).then((r) => (r.ok ? r : ask("/api/plan", svgBody))).then(async (r) => {
      if (!r.ok) { img.remove(); return; }
      if (chartUrl) URL.revokeObjectURL(chartUrl);
      chartUrl = URL.createObjectURL(await r.blob());
      img.src = chartUrl;
    }).catch(() => img.remove());
    return el("figure", {}, img, el("figcaption", { text: T.chart_caption }));
  }

  const LABELS = {}; /* result keys: the API's English names, shown as words */
  function label(k) { return LABELS[k] || k.replace(/_/g, " "); }
  function value(k, v) {
    if (v === true) return T.yes;
    if (v === false) return T.no;
    if (v === null) return "–";
    if (typeof v === "string" && /^-?\d+\.\d\d$/.test(v) && !/rate|share|points/.test(k)) return money(v) + " kr";
    if (typeof v === "string" && /^-?\d+\.\d+$/.test(v)) return percent(v);
    return String(v);
  }
  function renderGeneric(d) {
    const out = [];
    const table = (obj, caption) => {
      const rows = [];
      const nested = [];
      for (const [k, v] of Object.entries(obj)) {
        if (Array.isArray(v) && v.length && typeof v[0] === "object") nested.push([k, v]);
        else if (v && typeof v === "object" && !Array.isArray(v)) nested.push([k, v]);
        else rows.push(el("tr", {}, el("th", { scope: "row", text: label(k) }),
          el("td", { text: Array.isArray(v) ? v.join(", ") : value(k, v) })));
      }
      if (rows.length) out.push(el("table", { class: "kv" }, caption ? el("caption", { text: caption }) : null, el("tbody", {}, ...rows)));
      for (const [k, v] of nested) {
        if (Array.isArray(v)) out.push(list(v, label(k)));
        else table(v, label(k));
      }
    };
    const list = (arr, caption) => {
      const keys = Object.keys(arr[0]).filter((k) => typeof arr[0][k] !== "object" || arr[0][k] === null);
      const shown = arr.slice(0, 120);
      const t = el("table", { class: "rows" }, el("caption", { text: caption }),
        el("thead", {}, el("tr", {}, ...keys.map((k) => el("th", { scope: "col", text: label(k) })))),
        el("tbody", {}, ...shown.map((r) => el("tr", {}, ...keys.map((k) => el("td", { text: value(k, r[k]) }))))));
      const box = el("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": caption }, t);
      return arr.length > shown.length ? el("div", {}, box, el("p", { text: T.rows_more(arr.length - shown.length) })) : box;
    };
    table(d, null);
    return out;
  }

  /* Downloads: what is on screen, in the formats the program writes. */
  /* The plan's CSV is the Norwegian one (excel-no: ';', decimal comma, BOM),
   * for a spreadsheet; the other programs write the machine CSV so far. */
  const NORWEGIAN_CSV = { format: "csv", csv_style: "excel-no" };
  const DOWNLOADS = { "/api/plan": [{ format: "pdf" }, NORWEGIAN_CSV], "/api/finance": [{ format: "csv" }],
    "/api/rent-to-own": [{ format: "csv" }], "/api/capacity": [] };
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
    const r = await ask(panel.dataset.endpoint, Object.assign({}, body, options));
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
      if (ev.target.type === "range") {
        const o = document.getElementById(ev.target.id + "-out");
        if (o) o.value = money(ev.target.value.replace(".", en ? "." : "."));
      }
      clearTimeout(timer);
      timer = setTimeout(() => compute(panel), 200);
    });
    panel.querySelector("form").addEventListener("submit", (ev) => { ev.preventDefault(); compute(panel); });
  }
  select(restore(), false);
})();
