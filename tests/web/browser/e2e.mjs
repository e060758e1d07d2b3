// sl-web in a real browser: Debian's chromium driven by playwright-core.
// Types the built-in example and reads the first payment and the effective
// rate from the screen, changes the rate, makes an error, downloads the CSV,
// follows the page's own link, uses the keyboard and the rate slider.
// argv[2]: sl-web. Exit 77 (skipped) when chromium, node's playwright-core
// or sl-web is missing here, unless CI is set: CI must run it.
// SL_WEB_SCREENSHOT=FILE also saves the plan tab with the built-in example.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const CHROMIUM = process.env.SL_CHROMIUM || "/usr/bin/chromium";
const slWeb = process.argv[2];
const require = createRequire(import.meta.url);
let playwright = null;
try { playwright = require("playwright-core"); } catch { /* checked below */ }
const missing = [!existsSync(CHROMIUM) && CHROMIUM, !playwright && "playwright-core (npm ci in tests/web/browser)",
  !(slWeb && existsSync(slWeb)) && "sl-web"].filter(Boolean);
if (missing.length) {
  console.error("missing: " + missing.join(", "));
  process.exit(process.env.CI ? 1 : 77);
}
const programs = [path.dirname(slWeb), path.join(path.dirname(slWeb), "..", "examples")]
  .find((d) => existsSync(path.join(d, "sl-plan")));

// How long a wait for the page may take before it fails: long, since under the
// sanitizer build on a loaded machine an answer can take seconds; what is
// waited for is exact, so a longer wait only makes a failure slower to report.
const WAIT_MS = 60000;
const nbsp = (s) => s.replace(/[\u00a0\u202f]/g, " ").trim();
let server, url, context, profile, documents;

before(async () => {
  process.env.SL_TODAY ??= "2026-06-01"; // documents say the day they were made
  // the server's documents in a directory of this run's own (--temp-dir); 120 s a
  // calculation, since the sanitizer build's programs on a loaded machine can
  // take more than the default 10 (web-api tests the limit itself)
  documents = mkdtempSync(path.join(tmpdir(), "sl-web-e2e-documents-"));
  server = spawn(slWeb, ["--listen", "127.0.0.1:0", "--temp-dir", documents, "--time-limit", "120"],
    { stdio: ["ignore", "pipe", "inherit"] });
  url = await new Promise((resolve, reject) => {
    let text = "";
    server.stdout.on("data", (d) => {
      text += d;
      const m = /http:\/\/\S+/.exec(text);
      if (m) resolve(m[0]);
    });
    server.on("exit", (code) => reject(new Error("sl-web exited " + code)));
  });
  profile = mkdtempSync(path.join(tmpdir(), "sl-web-chromium-"));
  context = await playwright.chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    locale: "nb-NO",
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    timeout: 2 * WAIT_MS,
  });
});

after(async () => {
  if (context) await context.close();
  if (server) server.kill("SIGTERM");
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (documents) rmSync(documents, { recursive: true, force: true });
});

async function typeInto(page, selector, text) {
  const input = page.locator(selector);
  await input.click();
  await input.press("Control+A");
  await input.press("Backspace");
  await input.pressSequentially(text, { delay: 10 });
}

async function figure(page, id) {
  return nbsp(await page.locator("#" + id).innerText());
}

async function typeExample(page) {
  await typeInto(page, "#plan-amount", "2 000 000");
  await typeInto(page, "#plan-rate", "4,64");
  await typeInto(page, "#plan-years", "25");
  await typeInto(page, "#plan-term_fee", "30");
  await typeInto(page, "#plan-establishment_fee", "600");
}

async function freshPage() {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  await page.goto(url + "?lang=nb");
  return page;
}

test("the built-in example typed in: first payment 11 306,17 kr, effective rate 4,77 %", async () => {
  const page = await freshPage();
  for (const id of ["plan-amount", "plan-rate", "plan-years", "plan-term_fee", "plan-establishment_fee"])
    await page.locator("#" + id).fill("");
  await typeExample(page);
  await page.waitForFunction(() => document.querySelector("#first-payment")?.textContent
    .replace(/\u00a0/g, " ") === "11 306,17 kr");
  assert.equal(await figure(page, "first-payment"), "11 306,17 kr");
  assert.equal(await figure(page, "effective-rate"), "4,77 %");
  assert.equal(await page.locator("html").getAttribute("lang"), "nb");
  assert.ok(await page.locator("table.yearly tbody tr").count() === 25);
  // the charts: sl-plan's own SVG, as in its PDF, loaded into the page
  // (sl-plan --format svg aborts now and then in cairo's teardown: the page asks
  // twice, then leaves the chart out rather than show a broken image)
  await page.waitForFunction(() => {
    const img = document.querySelector("#plan-chart");
    return !img || img.naturalWidth > 0;
  });
  if (process.env.SL_WEB_SCREENSHOT) {
    await page.evaluate(() => document.activeElement.blur());
    await page.screenshot({ path: process.env.SL_WEB_SCREENSHOT, fullPage: false });
  }
  await page.close();
});

test("changing the rate changes the answer", async () => {
  const page = await freshPage();
  await page.waitForFunction(() => document.querySelector("#first-payment"));
  const before = await figure(page, "first-payment");
  await typeInto(page, "#plan-rate", "5,5");
  await page.waitForFunction((b) => document.querySelector("#first-payment")?.textContent
    .replace(/\u00a0/g, " ") !== b, before);
  const after = await figure(page, "first-payment");
  assert.notEqual(after, before);
  const expected = JSON.parse(execFileSync(path.join(programs, "sl-plan"),
    ["--amount=2 000 000", "--rate=5,5", "--years=25", "--term-fee=30", "--establishment-fee=600",
      "--format=json", "--lang=nb"])).schedule[0].payment;
  assert.equal(after, expected.replace(/\B(?=(\d{3})+(?!\d))/g, " ").replace(".", ",") + " kr");
  await page.close();
});

test("an error appears next to its field, in the program's words, and goes away", async () => {
  const page = await freshPage();
  await page.waitForFunction(() => document.querySelector("#first-payment"));
  await typeInto(page, "#plan-amount", "2 000 000x");
  const error = page.locator("#plan-amount-error");
  let stderr = "";
  try {
    execFileSync(path.join(programs, "sl-plan"), ["--amount=2 000 000x", "--rate=4,64", "--years=25",
      "--format=json", "--lang=nb"], { stdio: "pipe" });
  } catch (e) { stderr = e.stderr.toString(); }
  const words = stderr.split("': ").pop().split("»: ").pop().trim();
  assert.ok(words.length > 5, stderr);
  // while typing, "2 000 000" without the x was fine and an empty field had its own error
  await page.waitForFunction((w) => document.querySelector("#plan-amount-error")?.textContent === w, words);
  assert.equal(await page.locator("#plan-amount").getAttribute("aria-invalid"), "true");
  assert.equal(await page.locator("#plan-amount").getAttribute("aria-describedby"), "plan-amount-error");
  // the error sits inside the amount's own field box
  assert.equal(await page.locator(".field:has(#plan-amount) #plan-amount-error").count(), 1);
  await typeInto(page, "#plan-amount", "2 000 000");
  await error.waitFor({ state: "detached" });
  await page.close();
});

test("the CSV download is sl-plan's Norwegian CSV of what is on screen", async () => {
  const page = await freshPage();
  await page.waitForFunction(() => document.querySelector("#first-payment"));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.locator('button.download[data-format="csv"]').click(),
  ]);
  const file = await download.path();
  const expected = execFileSync(path.join(programs, "sl-plan"),
    ["--amount=2 000 000", "--rate=4,64", "--years=25", "--type=annuity", "--term-fee=30",
      "--establishment-fee=600", "--interest-only-terms=0", "--format=csv", "--csv-style=excel-no", "--lang=nb"]);
  assert.deepEqual(readFileSync(file), expected);
  assert.match(expected.toString(), /^\ufeff.*;/); // a BOM, semicolons: the excel-no style
  assert.match(download.suggestedFilename(), /\.csv$/);
  await page.close();
});

test("the PDF download is sl-plan's PDF of what is on screen", async () => {
  const page = await freshPage();
  await page.waitForFunction(() => document.querySelector("#first-payment"));
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.locator('button.download[data-format="pdf"]').click(),
  ]);
  const file = readFileSync(await download.path());
  const dir = mkdtempSync(path.join(tmpdir(), "sl-web-e2e-"));
  execFileSync(path.join(programs, "sl-plan"),
    ["--amount=2 000 000", "--rate=4,64", "--years=25", "--type=annuity", "--term-fee=30",
      "--establishment-fee=600", "--interest-only-terms=0", "--format=pdf", "--lang=nb",
      "--output=" + path.join(dir, "plan.pdf")]);
  const expected = readFileSync(path.join(dir, "plan.pdf"));
  rmSync(dir, { recursive: true, force: true });
  assert.equal(file.subarray(0, 4).toString(), "%PDF");
  assert.deepEqual(file, expected);
  assert.match(download.suggestedFilename(), /\.pdf$/);
  await page.close();
});

test("the page's link reproduces the page", async () => {
  const page = await freshPage();
  await page.waitForFunction(() => document.querySelector("#first-payment"));
  await typeInto(page, "#plan-years", "20");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("years") === "20" &&
    document.querySelector("#terms")?.textContent === "240");
  const link = await page.locator("a.permalink").getAttribute("href");
  const shown = await figure(page, "first-payment");
  const again = await context.newPage();
  await again.goto(link);
  await again.waitForFunction(() => document.querySelector("#terms")?.textContent === "240");
  assert.equal(await figure(again, "first-payment"), shown);
  assert.equal(await again.locator("#plan-years").inputValue(), "20");
  await again.close();
  await page.close();
});

test("keyboard: arrow keys move between tabs, the rate slider shows a rate rise", async () => {
  const page = await freshPage();
  await page.waitForFunction(() => document.querySelector("#first-payment"));
  await page.locator("#tab-plan").focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.locator("#tab-finance").getAttribute("aria-selected"), "true");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-finance");
  await page.locator("#panel-finance .results table").first().waitFor();
  assert.ok(await page.locator("#panel-plan").isHidden());
  await page.keyboard.press("ArrowLeft");
  await page.locator("#plan-rate_shock").focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
  await page.locator("#rate-shock").waitFor();
  assert.match(nbsp(await page.locator("#rate-shock").innerText()), /^Med renten 1 prosentpoeng høyere: første termin [\d ]+,\d\d kr/);
  await page.close();
});

test("English with ?lang=en, every input labelled", async () => {
  const page = await context.newPage();
  await page.goto(url + "?lang=en");
  await page.waitForFunction(() => document.querySelector("#first-payment"));
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.equal(await page.locator("#tab-plan").innerText(), "Payment plan");
  assert.equal(nbsp(await figure(page, "first-payment")), "11,306.17 kr");
  const unlabelled = await page.evaluate(() => [...document.querySelectorAll("input:not([type=hidden]), select")]
    .filter((e) => !e.labels || e.labels.length === 0).map((e) => e.id));
  assert.deepEqual(unlabelled, []);
  await page.close();
});

// The other tabs: each shows the program's own figure for the inputs on screen.
const nok = (s) => s.replace(/^-/, "−").replace(/\B(?=(\d{3})+(?!\d))/g, " ").replace(".", ",") + " kr";
function program(name, args) {
  return JSON.parse(execFileSync(path.join(programs, name), [...args, "--format=json", "--lang=nb"],
    { stdio: ["ignore", "pipe", "pipe"] }));
}
async function openTab(tab, first) {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  await page.goto(url + "?lang=nb&tab=" + tab);
  await page.locator("#" + first).waitFor();
  return page;
}
const FINANCE = ["--price=3 800 000", "--own-funds=190 000", "--bank-share=85", "--bank-rate=5,5",
  "--start-rate=4,64", "--margin=0,25", "--adults=2", "--children-0-5=1", "--children-6-10=1",
  "--children-11-17=0", "--gross-income-yearly=780 000", "--policy-rate=4", "--date=2026-12-01", "--max-price"];

test("the whole purchase: sl-finance's monthly payment, after the deduction, shortfall and largest price", async () => {
  const page = await openTab("finance", "finance-monthly");
  const d = program("sl-finance", FINANCE);
  assert.equal(await figure(page, "finance-monthly"), nok(d.first_payment_total));
  assert.equal(await figure(page, "finance-after-deduction"), nok(d.monthly_after_tax_deduction));
  assert.equal(await figure(page, "finance-max-price"), nok(d.max_price));
  assert.equal(await figure(page, "finance-bank-loan"), nok(d.bank_loan));
  // the default household is short: the figure says underskudd, without a sign
  assert.ok(d.surplus.startsWith("-"));
  assert.equal(await page.locator(".figure:has(#finance-surplus) dt").innerText(), "Underskudd");
  assert.equal(await figure(page, "finance-surplus"), nok(d.surplus.slice(1)));
  // year by year from both loans' plans: 30 years, the first year's payments 12 of each
  await page.locator("#panel-finance table.yearly tbody tr").nth(29).waitFor();
  const first = await page.locator("#panel-finance table.yearly tbody tr").first().locator("td").allInnerTexts();
  const twelve = (s) => { const o = Math.round(Number(s) * 100) * 12; return Math.floor(o / 100) + "." + String(o % 100).padStart(2, "0"); };
  assert.equal(nbsp(first[0]) + " kr", nok(twelve(d.first_payment_bank)));
  assert.equal(nbsp(first[1]) + " kr", nok(twelve(d.first_payment_start_loan)));
  // the PDF: sl-finance's financing document for the same inputs
  const [pdf] = await Promise.all([page.waitForEvent("download"),
    page.locator('#panel-finance button.download[data-format="pdf"]').click()]);
  const dir = mkdtempSync(path.join(tmpdir(), "sl-web-e2e-"));
  execFileSync(path.join(programs, "sl-finance"), [...FINANCE, "--format=pdf", "--lang=nb",
    "--output=" + path.join(dir, "finance.pdf")], { stdio: ["ignore", "pipe", "pipe"] });
  const expectedPdf = readFileSync(path.join(dir, "finance.pdf"));
  rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(readFileSync(await pdf.path()), expectedPdf);
  assert.match(pdf.suggestedFilename(), /\.pdf$/);
  await page.close();
});

test("an error on another tab appears next to its field", async () => {
  const page = await openTab("finance", "finance-monthly");
  await typeInto(page, "#finance-bank_rate", "5,5%x");
  await page.locator(".field:has(#finance-bank_rate) #finance-bank_rate-error").waitFor();
  assert.equal(await page.locator("#finance-bank_rate").getAttribute("aria-invalid"), "true");
  let stderr = "";
  try { program("sl-finance", [...FINANCE, "--bank-rate=5,5%x"]); } catch (e) { stderr = e.stderr.toString(); }
  assert.ok(stderr.includes(await page.locator("#finance-bank_rate-error").innerText()), stderr);
  await typeInto(page, "#finance-bank_rate", "5,5");
  await page.locator("#finance-bank_rate-error").waitFor({ state: "detached" });
  await page.close();
});

test("capacity: sl-capacity's largest loan and its surplus; the CSV is its Norwegian CSV", async () => {
  const page = await openTab("capacity", "capacity-max-loan");
  const args = ["--adults=2", "--children-0-5=1", "--children-6-10=0", "--children-11-17=0", "--income=62 000",
    "--fixed-costs=3 000", "--maintenance=1 500", "--policy-rate=4,5", "--date=2024-03-01", "--max-loan"];
  const d = program("sl-capacity", args);
  assert.equal(await figure(page, "capacity-max-loan"), nok(d.max_loan));
  assert.equal(await figure(page, "capacity-available"), nok(d.available));
  assert.equal(await figure(page, "capacity-surplus"), nok(d.surplus));
  await page.locator("#panel-capacity table.yearly tbody tr").nth(29).waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"),
    page.locator('#panel-capacity button.download[data-format="csv"]').click()]);
  const expected = execFileSync(path.join(programs, "sl-capacity"), [...args, "--format=csv", "--csv-style=excel-no", "--lang=nb"],
    { stdio: ["ignore", "pipe", "pipe"] });
  assert.deepEqual(readFileSync(await download.path()), expected);
  // the PDF: sl-capacity's budget page for the same inputs
  const [pdf] = await Promise.all([page.waitForEvent("download"),
    page.locator('#panel-capacity button.download[data-format="pdf"]').click()]);
  const dir = mkdtempSync(path.join(tmpdir(), "sl-web-e2e-"));
  execFileSync(path.join(programs, "sl-capacity"), [...args, "--format=pdf", "--lang=nb",
    "--output=" + path.join(dir, "capacity.pdf")], { stdio: ["ignore", "pipe", "pipe"] });
  const expectedPdf = readFileSync(path.join(dir, "capacity.pdf"));
  rmSync(dir, { recursive: true, force: true });
  assert.equal(readFileSync(await pdf.path()).subarray(0, 4).toString(), "%PDF");
  assert.deepEqual(readFileSync(await pdf.path()), expectedPdf);
  assert.match(pdf.suggestedFilename(), /\.pdf$/);
  await page.close();
});

test("rent to own and part-own: sl-rent-to-own's loan, transfer and housing cost", async () => {
  const page = await openTab("rent", "rent-loan");
  const common = ["--price=3 000 000", "--own-funds=0", "--rate=5", "--start=2025-01-01"];
  const r = program("sl-rent-to-own", ["--model=rent-to-own", ...common, "--rent-months=36", "--rent=12 000",
    "--saving=2 000", "--grant=100 000"]);
  assert.equal(await figure(page, "rent-loan"), nok(r.summary.loan_amount));
  assert.equal(await figure(page, "rent-first-payment"), nok(r.summary.first_payment));
  assert.equal(await figure(page, "rent-after"), nok(r.budget.after.total));
  assert.match(await figure(page, "rent-transition"), new RegExp("^" + r.summary.transition_date.split("-").reverse().join("\\.")));
  assert.ok(await page.locator("#rent-share").isHidden());
  // the charts: sl-rent-to-own's own SVG, as in its PDF, loaded into the page
  await page.waitForFunction(() => document.querySelector("#rent-chart")?.naturalWidth > 0);
  assert.equal(await page.locator("#rent-chart").getAttribute("alt"),
    "To diagrammer: hva dere betaler hver måned i husleie og lån, og restgjelden over tid");
  // the CSV: sl-rent-to-own's Norwegian CSV, year by year as on screen
  const [download] = await Promise.all([page.waitForEvent("download"),
    page.locator('#panel-rent button.download[data-format="csv"]').click()]);
  const csv = execFileSync(path.join(programs, "sl-rent-to-own"), ["--model=rent-to-own", ...common,
    "--rent-months=36", "--rent=12 000", "--saving=2 000", "--grant=100 000", "--format=csv",
    "--csv-style=excel-no", "--view=year", "--lang=nb"], { stdio: ["ignore", "pipe", "pipe"] });
  assert.deepEqual(readFileSync(await download.path()), csv);
  assert.equal(csv.toString().trim().split("\n").length - 1,
    await page.locator("#panel-rent table.yearly tbody tr").count());
  // the PDF: sl-rent-to-own's timeline document for the same inputs
  const [pdf] = await Promise.all([page.waitForEvent("download"),
    page.locator('#panel-rent button.download[data-format="pdf"]').click()]);
  const dir = mkdtempSync(path.join(tmpdir(), "sl-web-e2e-"));
  execFileSync(path.join(programs, "sl-rent-to-own"), ["--model=rent-to-own", ...common,
    "--rent-months=36", "--rent=12 000", "--saving=2 000", "--grant=100 000", "--format=pdf",
    "--lang=nb", "--output=" + path.join(dir, "rent.pdf")], { stdio: ["ignore", "pipe", "pipe"] });
  const expectedPdf = readFileSync(path.join(dir, "rent.pdf"));
  rmSync(dir, { recursive: true, force: true });
  assert.equal(readFileSync(await pdf.path()).subarray(0, 4).toString(), "%PDF");
  assert.deepEqual(readFileSync(await pdf.path()), expectedPdf);
  assert.match(pdf.suggestedFilename(), /\.pdf$/);
  await page.locator("#rent-model").selectOption("part-own");
  await page.locator("#rent-housing-first").waitFor();
  assert.ok(await page.locator("#rent-rent_months").isHidden());
  const p = program("sl-rent-to-own", ["--model=part-own", ...common, "--share=50", "--market-rent=15 000",
    "--buy=36:10", "--buy=60:40", "--discount-per-tenth=0,75"]);
  assert.equal(await figure(page, "rent-first-payment"), nok(p.summary.first_payment));
  assert.equal(await figure(page, "rent-housing-first"), nok(p.summary.housing_cost_first_month));
  // a purchase the program refuses: its words next to the purchases' field
  await typeInto(page, "#rent-buy", "36:10; 60:95");
  await page.locator(".field:has(#rent-buy) #rent-buy-error").waitFor();
  await page.close();
});

// What a person sees on every tab, at a laptop's and a tablet's size, in both
// languages: nothing wider than the screen or its box (a table over its
// neighbour, an amount cut off), no amount split across two lines, every
// text at least 4.5:1 against its background (3:1 when large) and the focus
// ring 3:1 (WCAG 2.1 AA, 1.4.3 and 1.4.11), computed from the page's colours.
const SIZES = { laptop: { width: 1366, height: 768 }, tablet: { width: 768, height: 1024 } };
const VIEWS = [["plan", "", "#first-payment"], ["finance", "", "#finance-monthly"], ["capacity", "", "#capacity-max-loan"],
  ["rent", "&model=rent-to-own", "#rent-after"], ["rent", "&model=rent-before-own", "#rent-after"],
  ["rent", "&model=part-own", "#rent-housing-first"]];

function looks() {
  const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const background = (e) => {
    for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length < 4 || c[3] > 0) return c.slice(0, 3); }
    return [255, 255, 255];
  };
  const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden";
  const where = (e) => e.id || (e.tagName.toLowerCase() + (e.className ? "." + e.className : "")) + ": " + e.textContent.trim().slice(0, 40);
  const problems = [];
  if (document.documentElement.scrollWidth > innerWidth) problems.push(`page ${document.documentElement.scrollWidth} px wide in ${innerWidth}`);
  for (const e of document.querySelectorAll("body *")) {
    if (!shown(e) || !e.closest("main, header, footer")) continue;
    const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (own || ["INPUT", "SELECT", "BUTTON"].includes(e.tagName)) {
      const st = getComputedStyle(e), size = parseFloat(st.fontSize), bold = Number(st.fontWeight) >= 700;
      const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5, r = ratio(rgb(st.color), background(e));
      if (r < need) problems.push(`contrast ${r.toFixed(2)} < ${need}: ${where(e)}`);
    }
    if (e.matches("td, dd, .figure, output") && e.scrollWidth > e.clientWidth + 1) problems.push(`cut off: ${where(e)}`);
    if (e.matches(".scroll") && e.scrollWidth > e.clientWidth + 1) problems.push(`yearly view wider than its box: ${where(e)}`);
    if (e.matches("table") && !e.closest(".scroll") && e.getBoundingClientRect().right > e.parentElement.getBoundingClientRect().right + 1)
      problems.push(`table over its box: ${where(e)}`);
    if (e.matches("dd, td") && /\d/.test(e.textContent) && e.getClientRects().length === 1) {
      const range = document.createRange();
      range.selectNodeContents(e);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
      if (lines.size > 1 && !/\(/.test(e.textContent)) problems.push(`amount on two lines: ${where(e)}`);
    }
  }
  document.querySelector('[role="tab"][aria-selected="true"]').focus();
  const focused = document.activeElement, focusRing = rgb(getComputedStyle(focused).outlineColor);
  for (const bg of [[255, 255, 255], rgb(getComputedStyle(document.querySelector(".inputs")).backgroundColor)])
    if (ratio(focusRing, bg) < 3) problems.push(`focus ring ${focusRing} ${ratio(focusRing, bg).toFixed(2)}:1 on ${bg}`);
  return problems;
}

test("every tab at laptop and tablet size, in Norwegian and English: fits, amounts whole, contrast AA", async () => {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const found = [];
  for (const lang of ["nb", "en"]) for (const [tab, extra, first] of VIEWS) {
    await page.setViewportSize(SIZES.laptop);
    await page.goto(`${url}?lang=${lang}&tab=${tab}${extra}`);
    await page.locator(first).waitFor();
    await page.locator(`#panel-${tab} table.yearly`).waitFor();
    for (const [size, viewport] of Object.entries(SIZES)) {
      await page.setViewportSize(viewport);
      for (const p of await page.evaluate(looks)) found.push(`${lang} ${tab}${extra} ${size}: ${p}`);
    }
  }
  assert.deepEqual(found, []);
  await page.close();
});

test("the rate slider says its value, also when the page's link sets it", async () => {
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  await page.goto(url + "?lang=nb&tab=plan&rate_shock=1.5");
  await page.locator("#rate-shock").waitFor();
  assert.equal(nbsp(await page.locator("#plan-rate_shock-out").innerText()), "+1,5 prosentpoeng");
  assert.equal(await page.locator("#plan-rate_shock").getAttribute("aria-valuetext"), "+1,5 prosentpoeng");
  assert.match(nbsp(await page.locator("#rate-shock").innerText()), /^Med renten 1,5 prosentpoeng høyere/);
  // the slider sits beside the rate it changes, before the fold of a laptop
  const box = await page.locator("#plan-rate_shock").boundingBox();
  assert.ok(box.y + box.height < SIZES.laptop.height, JSON.stringify(box));
  await page.close();
});

test("a program's warning reads as a sentence for the page, without a command-line hint", async () => {
  const page = await openTab("finance", "finance-monthly");
  const warning = page.locator("#panel-finance .warning").first();
  await warning.waitFor();
  const text = await warning.innerText();
  assert.doesNotMatch(text, /^(sl-|advarsel:)|--[a-z]/, text);
  assert.match(text, /^De veiledende satsene/, text);
  await page.close();
});

test("amounts and dates as a family copies them: kr 2 000 000, 3.800.000, 01.12.2026; errors in Norwegian", async () => {
  const page = await freshPage();
  await page.waitForFunction(() => document.querySelector("#first-payment"));
  await typeInto(page, "#plan-amount", "kr 2 000 000");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("amount") === "kr 2 000 000" &&
    !document.querySelector("#panel-plan .results").hasAttribute("aria-busy"));
  assert.equal(await page.locator("#panel-plan .error").count(), 0);
  await page.waitForFunction(() => document.querySelector("#first-payment")?.textContent.replace(/\u00a0/g, " ") === "11 306,17 kr");
  await typeInto(page, "#plan-rate", "4,6x");
  // (while typing, the empty field had an error of its own: wait for the last one)
  await page.waitForFunction(() => /^uventede tegn/.test(document.querySelector("#plan-rate-error")?.textContent));
  assert.equal(await page.locator("#plan-rate-error").innerText(), "uventede tegn (forventet f.eks. 4.208 eller 4,208 %)");
  await page.close();
  const finance = await openTab("finance", "finance-monthly");
  const d = program("sl-finance", FINANCE);
  assert.equal(await finance.locator("#finance-date").inputValue(), "01.12.2026");
  assert.equal(await finance.locator('label[for="finance-date"]').innerText(), "Dato (DD.MM.ÅÅÅÅ)");
  await typeInto(finance, "#finance-price", "3.800.000");
  await finance.waitForFunction(() => new URLSearchParams(location.search).get("price") === "3.800.000" &&
    !document.querySelector("#panel-finance .results").hasAttribute("aria-busy"));
  assert.equal(await finance.locator("#panel-finance .error").count(), 0);
  assert.equal(await figure(finance, "finance-monthly"), nok(d.first_payment_total));
  await typeInto(finance, "#finance-date", "1.12.26");
  await finance.waitForFunction(() => /DD\.MM\.ÅÅÅÅ/.test(document.querySelector("#finance-date-error")?.textContent));
  assert.equal(await finance.locator("#finance-date-error").innerText(), "forventet en dato som DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD");
  await finance.close();
});
