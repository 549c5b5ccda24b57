/*
 * The operator dashboard: one page, no build step, no framework. It signs in (local role picker, OIDC, or a pasted
 * token), then reads the platform's public API through this gateway with the bearer token, exactly as any client.
 * Views are addressed by the URL fragment (#/region/<id>, #/municipality/<id>, #/teacher/<id>, ...), so links and
 * the browser's back button work.
 */
"use strict";

const TOKEN_KEY = "msp.dashboard.token";
const view = document.getElementById("view");

// ------------------------------------------------------------------ formatting (Russian conventions)

const NUMBER = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 });
const INTEGER = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 0 });
const DATE = new Intl.DateTimeFormat("ru-RU", { day: "2-digit", month: "2-digit", year: "numeric" });
const DATE_TIME = new Intl.DateTimeFormat("ru-RU", { day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" });

const STATUS = {
  MET: "достигнуто",
  AT_RISK: "под угрозой",
  NOT_MET: "не достигнуто",
  NO_TARGET: "без цели",
  NO_DATA: "нет данных",
};

const ROLES = {
  REGIONAL_OPERATOR: "Региональный оператор",
  MUNICIPAL_OPERATOR: "Муниципальный оператор",
  METHODIST: "Методист",
  ADMIN: "Администратор платформы",
};

const LEVELS = { HIGH: "высокий", ADVANCED: "повышенный", BASIC: "базовый", BELOW_BASIC: "ниже базового" };
const SEVERITY = { PRONOUNCED: "выраженный дефицит", PARTIAL: "частичный дефицит" };
const ROUTE_STATUS = {
  SUGGESTED: "предложен", APPROVED: "утверждён", IN_PROGRESS: "выполняется", COMPLETED: "завершён", CANCELLED: "отменён",
};
const OFFER_KIND = {
  COURSE: "курс", EVENT: "мероприятие", INTERNSHIP: "стажировка", MENTOR: "наставник", PRACTICE: "практика", SELF_STUDY: "самообразование",
};
const ACTIVITY_KIND = {
  SEMINAR: "семинар", WEBINAR: "вебинар", WORKSHOP: "практикум", ROUND_TABLE: "круглый стол", MASTER_CLASS: "мастер-класс",
  OPEN_LESSON: "открытый урок", CONFERENCE: "конференция", FORUM: "форум", METHODICAL_DAY: "методический день",
  ASSOCIATION_MEETING: "заседание МО", INTERNSHIP: "стажировка", COURSE: "курс ДПО", COMPETITION: "конкурс",
};
const POSITION = {
  TEACHER: "учитель", EDUCATOR: "воспитатель", DEPUTY_DIRECTOR: "заместитель директора", DIRECTOR: "директор",
  METHODIST: "методист", TUTOR: "тьютор", PSYCHOLOGIST: "педагог-психолог", SPEECH_THERAPIST: "учитель-логопед",
  DEFECTOLOGIST: "учитель-дефектолог", ADDITIONAL_EDUCATION_TEACHER: "педагог доп. образования", SENIOR_EDUCATOR: "старший воспитатель",
};
const TARGET_GROUP = {
  YOUNG_TEACHER: "молодые педагоги", MENTOR: "наставники", LOW_RESULTS_SCHOOL: "педагоги ШНОР",
  DISABILITIES: "работа с детьми с ОВЗ", GIFTED: "работа с одарёнными детьми",
};

/** Column labels for the matrix; the full Russian names (from the catalogue) are in each header's tooltip. */
const SHORT = {
  DIAGNOSED_SHARE: "Прошли диагностику", DIAGNOSED_FEDERAL_REGIONAL_SHARE: "Диагностика фед./рег.",
  MUNICIPAL_MONITORING_SHARE: "Муниц. мониторинг", DIAGNOSED_LEVEL_HIGH_SHARE: "Высокий уровень",
  DIAGNOSED_LEVEL_ADVANCED_SHARE: "Повышенный уровень", DIAGNOSED_LEVEL_BASIC_SHARE: "Базовый уровень",
  DIAGNOSED_LEVEL_BELOW_BASIC_SHARE: "Ниже базового", ROUTES_SHARE: "Есть ИОМ", ROUTES_COMPLETED_SHARE: "ИОМ выполнены",
  FEDERAL_REGISTRY_COURSES_SHARE: "Курсы ФР ДПП", FEDERAL_REGISTRY_DEFICIT_COURSES_SHARE: "ФР ДПП по дефицитам",
  COURSES_COMPLETED_SHARE: "Освоили ДПП", REMOTE_COURSES_SHARE: "ДПП дистанционно", PEDAGOGICAL_RETRAINING_SHARE: "Переподготовка",
  MANAGEMENT_TEAMS_TRAINED_SHARE: "Упр. команды обучены", SCHOOL_LEADERS_QUALITY_MANAGEMENT_TRAINED_SHARE: "Руководители: качество",
  YOUNG_TEACHERS_SUPPORTED_SHARE: "Поддержка молодых", TEACHERS_UNDER_35_SHARE: "Учителя до 35 лет",
  YOUNG_TEACHERS_FIRST_CATEGORY_SHARE: "Молодые: 1-я категория", ORGANIZATIONS_WITH_MENTORING_MODEL_SHARE: "ОО с наставничеством",
  SCHOOLS_WITH_MENTORING_MODEL_SHARE: "Школы с наставничеством", SCHOOLS_IN_MENTORING_SYSTEM_SHARE: "Школы в менторстве",
  COMMUNITY_MEMBERS_SHARE: "В сообществах и МО", NETWORK_COMMUNITY_PRESENTERS_SHARE: "Сетевые сообщества",
  EXPERTS_SHARE: "Эксперты", METHODICAL_ASSET_SHARE: "Методический актив", REGISTRY_EXPERTS_COUNT: "Эксперты реестра",
  INFORMED_SHARE: "Информированы", MUNICIPAL_EVENTS_PARTICIPATION_SHARE: "Участие в мероприятиях",
  MUNICIPAL_PROJECTS_SHARE: "Муниц. проекты", COMPETITION_PARTICIPATION_SHARE: "Конкурсы",
  RECOMMENDATIONS_RECEIVED_SHARE: "Получили рекомендации", MUNICIPAL_MONITORING_RECOMMENDED_SHARE: "Рекомендации по мониторингу",
  SCHOOL_LEADERS_RECOMMENDED_SHARE: "Рекомендации руководителям", PRACTICES_PRESENTED_ORGANIZATIONS_SHARE: "ОО представили опыт",
  METHODICAL_SUPPORT_PLANS_PRESENT: "Планы сопровождения", TARGET_GROUP_COVERAGE_YOUNG_TEACHER_SHARE: "Охват: молодые",
  TARGET_GROUP_COVERAGE_MENTOR_SHARE: "Охват: наставники", TARGET_GROUP_COVERAGE_LOW_RESULTS_SCHOOL_SHARE: "Охват: ШНОР",
  TARGET_GROUP_COVERAGE_DISABILITIES_SHARE: "Охват: ОВЗ", TARGET_GROUP_COVERAGE_GIFTED_SHARE: "Охват: одарённые",
};

const RULE = {
  PRONOUNCED_DEFICIT_FEDERAL_REGISTRY_COURSE: "выраженный дефицит — курс из федерального реестра ДПП",
  PRONOUNCED_DEFICIT_COURSE: "выраженный дефицит — курс повышения квалификации",
  PRONOUNCED_DEFICIT_PRACTICAL_ACTIVITY: "выраженный дефицит — практическое мероприятие",
  PARTIAL_DEFICIT_TARGETED_ACTIVITY: "частичный дефицит — адресное мероприятие",
  NO_OFFER_SELF_STUDY: "подходящих мероприятий нет — самообразование (потребность передана оператору)",
  YOUNG_SPECIALIST_MENTOR: "молодой специалист — наставник",
};

/** Competency code → Russian name, from the framework (loaded once). */
let competencyNames = null;
async function loadCompetencyNames() {
  if (competencyNames) return competencyNames;
  competencyNames = {};
  try {
    const framework = await api("/api/competencies");
    (framework.areas || []).forEach((a) => (a.competencies || []).forEach((c) => (competencyNames[c.code] = c.nameRu)));
  } catch (e) {
    // codes are shown instead
  }
  return competencyNames;
}

const ALERT_KIND = {
  BELOW_TARGET: "ниже цели", TARGET_GROUP_NOT_DIAGNOSED: "целевая группа не прошла диагностику",
  ROUTES_STALLED: "просроченные маршруты", NO_MENTORING_PAIRS: "нет наставнических пар",
};

const PRESET_SHORT = {
  NIZHNY_TAGIL_2024_2027: "программа Нижнего Тагила 2024–2027", BEREZNIKI_2021_2024: "программа Березников 2021–2024",
  OKTYABRSKY_2021_2024: "программа Октябрьского района 2021–2024", KOROLEV: "положение г. о. Королёв",
};

/** Preset id → its programme's Russian name, loaded once. */
let presetNames = null;
async function presetName(id) {
  if (!presetNames) {
    presetNames = {};
    try {
      items(await api("/api/programs/presets")).forEach((p) => (presetNames[p.id] = p.nameRu));
    } catch (e) {
      // names are a nicety: the id is shown instead
    }
  }
  return id ? presetNames[id] || id : "программа не выбрана";
}

function num(value) {
  return value === null || value === undefined || value === "" ? "—" : NUMBER.format(Number(value));
}

/** A value in its unit: shares are kept as percentages by indicators-service. */
function valueText(value, unit) {
  if (value === null || value === undefined) return "—";
  if (unit === "YES_NO") return Number(value) > 0 ? "да" : "нет";
  if (unit === "COUNT") return INTEGER.format(Number(value));
  return NUMBER.format(Number(value)) + " %";
}

function date(value) {
  if (!value) return "—";
  const d = new Date(value);
  return isNaN(d) ? String(value) : (String(value).length > 10 ? DATE_TIME : DATE).format(d);
}

function escapeHtml(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

/** Template literal tag that escapes every interpolated value unless it is raw(...). */
function html(strings, ...values) {
  return strings.reduce((out, s, i) => {
    if (i === 0) return s;
    const v = values[i - 1];
    const text = v && v.__raw !== undefined ? v.__raw : Array.isArray(v) ? v.map((x) => (x && x.__raw !== undefined ? x.__raw : escapeHtml(x))).join("") : escapeHtml(v);
    return out + text + s;
  }, "");
}
function raw(text) { return { __raw: text }; }

/** The current school year, September to August, as the API names periods: 2026/2027. */
function currentPeriod(today = new Date()) {
  const y = today.getFullYear();
  return today.getMonth() >= 8 ? `${y}/${y + 1}` : `${y - 1}/${y}`;
}

// ------------------------------------------------------------------ session and API

const session = {
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  set token(value) { value ? sessionStorage.setItem(TOKEN_KEY, value) : sessionStorage.removeItem(TOKEN_KEY); },
  claims() {
    const token = this.token;
    if (!token) return null;
    try {
      const payload = JSON.parse(decodeURIComponent(escape(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")))));
      if (payload.exp && payload.exp * 1000 < Date.now()) return null;
      return payload;
    } catch (e) {
      return null;
    }
  },
};

class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `Ошибка ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function api(path, options = {}) {
  const headers = Object.assign({ Accept: "application/json, application/problem+json" }, options.headers || {});
  if (session.token && !options.anonymous) headers.Authorization = "Bearer " + session.token;
  let response;
  try {
    response = await fetch(path, Object.assign({}, options, { headers }));
  } catch (e) {
    throw new ApiError(0, { title: "Нет связи с платформой", detail: "Сервер не отвечает. Проверьте подключение и повторите." });
  }
  if (response.status === 401 && !options.anonymous) {
    session.token = null;
    route();
    throw new ApiError(401, { title: "Требуется вход" });
  }
  const type = response.headers.get("Content-Type") || "";
  const body = type.includes("json") ? await response.json() : await response.text();
  if (!response.ok) {
    const problem = typeof body === "object" ? body : { title: `Ошибка ${response.status}`, detail: String(body).slice(0, 200) };
    if (response.status === 404 && !problem.detail) problem.detail = "Не найдено или нет доступа.";
    if (response.status === 403) problem.detail = problem.detail || "Недостаточно прав для этой области.";
    throw new ApiError(response.status, problem);
  }
  return body;
}

/** Lists come either as an array or as a page object ({items|content, total}). */
function items(body) {
  if (Array.isArray(body)) return body;
  if (!body) return [];
  return body.items || body.content || body.values || body.rows || [];
}

function loading(where = view, text = "Загрузка…") {
  where.innerHTML = html`<p class="state loading">${text}</p>`;
}

function showError(where, error) {
  const detail = error.problem && error.problem.detail && error.problem.detail !== error.message ? error.problem.detail : "";
  where.innerHTML = html`<div class="state error" role="alert"><strong>${error.message}</strong>${detail ? raw("<br>" + escapeHtml(detail)) : ""}
    ${error.problem && error.problem.correlationId ? raw(`<br><small>Код запроса: ${escapeHtml(error.problem.correlationId)}</small>`) : ""}</div>`;
}

function empty(text) {
  return html`<p class="state empty">${text}</p>`;
}

/** Runs an async renderer into an element with loading and error states. */
async function section(element, render, loadingText) {
  loading(element, loadingText);
  try {
    await render(element);
  } catch (error) {
    if (error.status !== 401) showError(element, error);
  }
}

// ------------------------------------------------------------------ sign-in

async function renderSignIn() {
  document.getElementById("nav").hidden = true;
  document.getElementById("who").hidden = true;
  loading();
  let config;
  try {
    config = await api("/dashboard/config", { anonymous: true });
  } catch (error) {
    showError(view, error);
    return;
  }
  if (config.signIn === "oidc") return renderOidcSignIn(config);
  if (config.signIn !== "local") return renderTokenSignIn();
  // Local platform: the role picker. Listing regions needs a token too: a short admin token from the same endpoint.
  const admin = await localToken({ role: "ADMIN" });
  const regions = (await api("/api/regions", { headers: { Authorization: "Bearer " + admin.token } }))
    .sort((a, b) => a.name.localeCompare(b.name, "ru"));
  view.innerHTML = html`<form class="card signin" id="signin">
      <h1>Вход (локальная платформа)</h1>
      <p class="muted">Выберите роль и область ответственности: платформа выдаст токен, подписанный локальным ключом.</p>
      <label for="role">Роль</label>
      <select id="role" name="role">
        ${Object.entries(ROLES).map(([code, name]) => raw(`<option value="${code}">${escapeHtml(name)}</option>`))}
      </select>
      <label for="region">Регион</label>
      <select id="region" name="region">
        ${regions.map((r) => raw(`<option value="${escapeHtml(r.id)}">${escapeHtml(r.name)} (${escapeHtml(r.code)})</option>`))}
      </select>
      <label for="municipality">Муниципалитет</label>
      <select id="municipality" name="municipality"></select>
      <div class="actions"><button class="primary" type="submit" id="signin-submit">Войти</button></div>
      <div id="signin-error"></div>
    </form>`;
  const form = document.getElementById("signin");
  const municipalities = async () => {
    const list = (await api("/api/municipalities?regionId=" + encodeURIComponent(form.region.value), { headers: { Authorization: "Bearer " + admin.token } }))
      .sort((a, b) => a.name.localeCompare(b.name, "ru"));
    form.municipality.innerHTML = list.map((m) => `<option value="${escapeHtml(m.id)}">${escapeHtml(m.name)}</option>`).join("");
  };
  const roleChanged = () => {
    const role = form.role.value;
    form.region.disabled = role === "ADMIN";
    form.municipality.disabled = role === "ADMIN" || role === "REGIONAL_OPERATOR";
  };
  form.region.addEventListener("change", municipalities);
  form.role.addEventListener("change", roleChanged);
  await municipalities();
  roleChanged();
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const role = form.role.value;
    const request = { role };
    if (!form.region.disabled) request.region = form.region.value;
    if (!form.municipality.disabled) request.municipality = form.municipality.value;
    try {
      session.token = (await localToken(request)).token;
      location.hash = role === "MUNICIPAL_OPERATOR" || role === "METHODIST" ? "#/municipality/" + request.municipality : "#/";
      route();
    } catch (error) {
      showError(document.getElementById("signin-error"), error);
    }
  });
}

function localToken(request) {
  return api("/dashboard/local-token", {
    anonymous: true,
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(request),
  });
}

function renderTokenSignIn() {
  view.innerHTML = html`<form class="card signin" id="signin">
      <h1>Вход</h1>
      <p class="muted">Вставьте токен доступа (Bearer), выданный вашей организацией.</p>
      <label for="token">Токен</label>
      <input type="text" id="token" name="token" autocomplete="off">
      <div class="actions"><button class="primary" type="submit">Войти</button></div>
    </form>`;
  document.getElementById("signin").addEventListener("submit", (event) => {
    event.preventDefault();
    session.token = event.target.token.value.trim();
    route();
  });
}

/** Production: OpenID Connect authorization code flow with PKCE against the configured issuer (e.g. Keycloak). */
async function renderOidcSignIn(config) {
  const params = new URLSearchParams(location.search);
  const discovery = await fetch(config.oidcIssuer.replace(/\/$/, "") + "/.well-known/openid-configuration").then((r) => r.json());
  const redirect = location.origin + location.pathname;
  if (params.has("code") && sessionStorage.getItem("msp.pkce")) {
    const body = new URLSearchParams({
      grant_type: "authorization_code", code: params.get("code"), redirect_uri: redirect,
      client_id: config.oidcClientId, code_verifier: sessionStorage.getItem("msp.pkce"),
    });
    const tokens = await fetch(discovery.token_endpoint, { method: "POST", body }).then((r) => r.json());
    sessionStorage.removeItem("msp.pkce");
    session.token = tokens.access_token;
    history.replaceState(null, "", redirect + "#/");
    return route();
  }
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
  sessionStorage.setItem("msp.pkce", verifier);
  view.innerHTML = html`<div class="card signin"><h1>Вход</h1><p>Вход выполняется через единую учётную запись.</p>
    <a class="button" id="oidc-login">Войти</a></div>`;
  document.getElementById("oidc-login").href = discovery.authorization_endpoint + "?" + new URLSearchParams({
    response_type: "code", client_id: config.oidcClientId, redirect_uri: redirect, scope: "openid",
    code_challenge: challenge, code_challenge_method: "S256",
  });
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

// ------------------------------------------------------------------ routing

const routes = [
  [/^#\/?$/, home],
  [/^#\/region\/([^/]+)$/, regionView],
  [/^#\/municipality\/?$/, municipalityPicker],
  [/^#\/municipality\/([^/]+)$/, municipalityView],
  [/^#\/teachers\/?$/, teachersView],
  [/^#\/teacher\/([^/]+)$/, teacherView],
  [/^#\/activities\/?$/, activitiesView],
  [/^#\/practices\/?$/, practicesView],
];

function route() {
  const claims = session.claims();
  if (!claims) {
    session.token = null;
    return renderSignIn();
  }
  document.getElementById("nav").hidden = false;
  document.getElementById("who").hidden = false;
  const roles = claims.roles || [];
  document.getElementById("who-text").textContent = roles.map((r) => ROLES[r] || r).join(", ");
  const hash = location.hash || "#/";
  for (const [pattern, render] of routes) {
    const match = hash.match(pattern);
    if (match) {
      document.querySelectorAll("#nav a").forEach((a) => a.classList.toggle("active", hash.startsWith(a.getAttribute("href")) && a.getAttribute("href") !== "#/" || (a.getAttribute("href") === "#/" && (hash === "#/" || hash.startsWith("#/region")))));
      return render(claims, ...match.slice(1).map(decodeURIComponent));
    }
  }
  view.innerHTML = empty("Страница не найдена.");
}

window.addEventListener("hashchange", route);
document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("sign-out").addEventListener("click", () => {
    session.token = null;
    location.hash = "#/";
    route();
  });
  route();
});

/** Where each role starts: a regional operator in the region, a municipal operator or methodist in the municipality. */
async function home(claims) {
  if (claims.municipality) return (location.hash = "#/municipality/" + encodeURIComponent(claims.municipality));
  if (claims.region) return regionView(claims, claims.region);
  loading();
  try {
    const regions = await api("/api/regions");
    view.innerHTML = html`<h1>Регионы</h1><div class="card"><ul>${regions.map((r) => raw(`<li><a href="#/region/${encodeURIComponent(r.id)}">${escapeHtml(r.name)}</a> (${escapeHtml(r.code)})</li>`))}</ul></div>`;
    if (!regions.length) view.innerHTML = empty("Регионы ещё не зарегистрированы.");
  } catch (error) {
    showError(view, error);
  }
}

function municipalityPicker(claims) {
  if (claims.municipality) return (location.hash = "#/municipality/" + encodeURIComponent(claims.municipality));
  location.hash = "#/";
}

// ------------------------------------------------------------------ region overview

async function regionView(claims, regionId) {
  const period = currentPeriod();
  view.innerHTML = html`<h1 id="region-title">Мониторинг региона</h1>
    <div class="toolbar"><span class="muted">Учебный год ${period} · <span id="updated"></span></span><span class="spacer"></span>
      <button class="secondary" data-export="csv">Выгрузить CSV</button><button class="secondary" data-export="xlsx">Выгрузить XLSX</button></div>
    <div class="legend">${Object.entries(STATUS).slice(0, 4).map(([code, name]) => raw(`<span class="badge status-${code}">${name}</span>`))}</div>
    <div id="matrix"></div><h2>Оповещения</h2><div id="alerts"></div>`;
  bindExports(view, "region:" + regionId, period);
  api("/api/regions/" + encodeURIComponent(regionId)).then((r) => {
    document.getElementById("region-title").textContent = "Мониторинг региона: " + r.name;
  }).catch(() => {});
  const sort = { key: "name", dir: 1 };
  const load = async (element) => {
    const dashboard = await api(`/api/indicators/dashboard?regionId=${encodeURIComponent(regionId)}&period=${encodeURIComponent(period)}`);
    if (dashboard.regionName) document.getElementById("region-title").textContent = "Мониторинг региона: " + dashboard.regionName;
    await presetName("");
    renderMatrix(element, dashboard, sort);
    document.getElementById("updated").textContent = "обновлено " + DATE_TIME.format(new Date());
  };
  section(document.getElementById("matrix"), load, "Загрузка показателей муниципалитетов…");
  // Operators keep this page open: values change as events arrive, so it refreshes quietly (no loading flash).
  liveRefresh(() => load(document.getElementById("matrix")));
  section(document.getElementById("alerts"), (element) => renderAlerts(element, "region:" + regionId));
}

/** The matrix: one row per municipality, one column per indicator any programme of the region uses. */
function renderMatrix(element, dashboard, state) {
  const rows = items(dashboard.municipalities || dashboard.rows || dashboard);
  if (!rows.length) {
    element.innerHTML = empty("В регионе нет муниципалитетов с программами.");
    return;
  }
  // columns: every indicator any municipality's programme uses, in the order the programmes list them
  const columns = [];
  rows.forEach((row) => (row.values || []).forEach((v) => {
    if (v.inProgramme !== false && !columns.some((c) => c.code === v.indicatorCode)) {
      columns.push({ code: v.indicatorCode, name: v.nameRu, unit: v.unit });
    }
  }));
  const cellOf = (row, code) => (row.values || []).find((v) => v.indicatorCode === code && v.inProgramme !== false);
  const draw = () => {
    const sorted = rows.slice().sort((a, b) => {
      if (state.key === "name") return state.dir * String(a.name || a.municipalityName).localeCompare(String(b.name || b.municipalityName), "ru");
      const va = cellOf(a, state.key), vb = cellOf(b, state.key);
      return state.dir * ((va && va.value != null ? Number(va.value) : -Infinity) - (vb && vb.value != null ? Number(vb.value) : -Infinity));
    });
    element.innerHTML = html`<div class="table-wrap"><table class="matrix" id="matrix-table">
      <thead><tr><th class="sortable ${state.key === "name" ? (state.dir > 0 ? "sorted-asc" : "sorted-desc") : ""}" data-sort="name">Муниципалитет</th>
        ${columns.map((c) => raw(`<th class="indicator sortable num ${state.key === c.code ? (state.dir > 0 ? "sorted-asc" : "sorted-desc") : ""}" data-sort="${escapeHtml(c.code)}" title="${escapeHtml(c.name || c.code)}">${escapeHtml(SHORT[c.code] || c.name || c.code)}</th>`))}</tr></thead>
      <tbody>${sorted.map((row) => raw(`<tr data-municipality="${escapeHtml(row.municipalityId || row.id)}"><th><a href="#/municipality/${encodeURIComponent(row.municipalityId || row.id)}">${escapeHtml(row.name || row.municipalityName)}</a><br><small class="muted" title="${escapeHtml(presetNames && presetNames[row.presetId] || "")}">${escapeHtml(row.presetId ? PRESET_SHORT[row.presetId] || row.presetId : "без программы")}</small></th>
        ${columns.map((c) => {
          const v = cellOf(row, c.code);
          if (!v) return `<td class="num"><span class="cell status-NO_DATA" title="не входит в программу">—</span></td>`;
          const status = v.status || "NO_TARGET";
          return `<td class="num"><span class="cell status-${escapeHtml(status)}" title="${escapeHtml(STATUS[status] || status)}">${escapeHtml(valueText(v.value, v.unit || c.unit))}<small>цель ${escapeHtml(v.target == null ? "—" : valueText(v.target, v.unit || c.unit))}</small></span></td>`;
        }).join("")}</tr>`))}</tbody></table></div>`;
    element.querySelectorAll("th.sortable").forEach((th) => th.addEventListener("click", () => {
      state.dir = state.key === th.dataset.sort ? -state.dir : th.dataset.sort === "name" ? 1 : -1;
      state.key = th.dataset.sort;
      draw();
    }));
  };
  draw();
}

/** Re-runs {@code reload} every 20 s while the page stays on the same view; errors keep the last good content. */
function liveRefresh(reload) {
  const hash = location.hash;
  const timer = setInterval(() => {
    if (location.hash !== hash || !session.token) return clearInterval(timer);
    if (document.hidden) return;
    reload().catch(() => {});
  }, 20000);
}

/** What an alert is about, in Russian: an indicator, a target group or an organisation. */
function alertSubject(alert) {
  const subject = alert.subjectId || "";
  const code = subject.includes("~") ? subject.split("~").pop() : subject;
  return SHORT[code] || TARGET_GROUP[code] || (organizationNames[code] || "") || code;
}

/** Organisation id → short name, filled by the views that list organisations. */
const organizationNames = {};
async function loadOrganizationNames(municipalityId) {
  try {
    items(await api("/api/organizations?municipalityId=" + encodeURIComponent(municipalityId)))
      .forEach((o) => (organizationNames[o.id] = o.shortName || o.name));
  } catch (e) {
    // ids are shown instead
  }
}

async function renderAlerts(element, scope) {
  const alerts = items(await api("/api/indicators/alerts?scope=" + encodeURIComponent(scope)));
  element.innerHTML = alerts.length
    ? html`<div class="card"><ul class="alerts" id="alerts-list">${alerts.filter((a) => a.open !== false).slice(0, 50).map((a) => raw(`<li><span class="badge status-NOT_MET">${escapeHtml(ALERT_KIND[a.kind] || a.kind)}</span> ${escapeHtml(alertSubject(a))} <small class="muted">${escapeHtml(date(a.raisedAt))}</small></li>`))}</ul></div>`
    : empty("Оповещений нет.");
}

// ------------------------------------------------------------------ municipality view

async function municipalityView(claims, municipalityId) {
  const period = currentPeriod();
  view.innerHTML = html`<h1 id="municipality-title">Муниципалитет</h1>
    <p class="muted" id="programme"></p>
    <div class="toolbar"><span class="muted">Учебный год ${period}</span><span class="spacer"></span>
      <a class="secondary" href="#/teachers">Педагоги</a>
      <button class="secondary" data-export="csv">Выгрузить CSV</button><button class="secondary" data-export="xlsx">Выгрузить XLSX</button></div>
    <div class="grid2"><div><h2>Показатели программы</h2><div id="values"></div></div>
      <div><h2 id="chart-title">Динамика</h2><div class="card"><div class="chart" id="chart"></div></div>
        <h2 id="drill-title">Детализация</h2><div id="drill"></div></div></div>
    <h2>Оповещения</h2><div id="alerts"></div>
    <h2>Мониторинговые срезы</h2><div id="snapshots"></div>`;
  bindExports(view, "municipality:" + municipalityId, period);
  api("/api/programs/" + encodeURIComponent(municipalityId)).then(async (programme) => {
    document.getElementById("programme").textContent = "Программа: " + (programme.presetId ? await presetName(programme.presetId) : "собственная (без пресета)")
      + (programme.from ? ` (${programme.from}–${programme.to || "…"})` : "");
  }).catch(() => {
    document.getElementById("programme").textContent = "Программа не найдена";
  });
  const names = loadOrganizationNames(municipalityId);
  api("/api/municipalities/" + encodeURIComponent(municipalityId)).then((m) => {
    document.getElementById("municipality-title").textContent = m.name;
    sessionStorage.setItem("msp.municipality", municipalityId);
  }).catch(() => {});
  section(document.getElementById("values"), async (element) => {
    const body = await api(`/api/indicators?scope=municipality:${encodeURIComponent(municipalityId)}&period=${encodeURIComponent(period)}`);
    const all = items(body);
    const values = all.filter((v) => v.inProgramme);
    if (!values.length) {
      element.innerHTML = empty("Значений пока нет: данные ещё не поступали.");
      return;
    }
    element.innerHTML = html`<div class="table-wrap"><table id="values-table"><thead><tr><th>Показатель</th><th class="num">Значение</th><th class="num">Цель</th><th>Статус</th><th class="num">Числитель / знаменатель</th></tr></thead>
      <tbody>${values.map((v) => raw(`<tr data-indicator="${escapeHtml(v.code || v.indicatorCode)}"><td><a href="" data-drill="${escapeHtml(v.indicatorCode)}" title="${escapeHtml(v.nameRu)}">${escapeHtml(SHORT[v.indicatorCode] || v.nameRu)}</a></td>
        <td class="num">${escapeHtml(valueText(v.value, v.unit))}</td><td class="num">${escapeHtml(v.target == null ? "—" : (String(v.direction).startsWith("LOWER") || v.direction === "AT_MOST" ? "≤ " : "≥ ") + valueText(v.target, v.unit))}</td>
        <td><span class="badge status-${escapeHtml(v.status || "NO_TARGET")}">${escapeHtml(STATUS[v.status] || v.status || "—")}</span></td>
        <td class="num">${escapeHtml(v.unit === "COUNT" || v.unit === "YES_NO" ? "" : num(v.numerator) + " / " + num(v.denominator))}</td></tr>`))}</tbody></table></div>`;
    element.querySelectorAll("[data-drill]").forEach((a) => a.addEventListener("click", (event) => {
      event.preventDefault();
      const v = values.find((x) => x.indicatorCode === a.dataset.drill);
      showIndicator(municipalityId, v, period);
    }));
    await names;
    showIndicator(municipalityId, values[0], period);
  });
  section(document.getElementById("alerts"), (element) => renderAlerts(element, "municipality:" + municipalityId));
  section(document.getElementById("snapshots"), (element) => renderSnapshots(element, municipalityId, period));
}

function showIndicator(municipalityId, indicator, period) {
  const code = indicator.indicatorCode;
  const name = SHORT[code] || indicator.nameRu || code;
  document.getElementById("chart-title").textContent = "Динамика: " + name;
  document.getElementById("drill-title").textContent = "Детализация: " + name;
  const scope = "municipality:" + municipalityId;
  section(document.getElementById("chart"), async (element) => {
    const series = items((await api(`/api/indicators/series?scope=${encodeURIComponent(scope)}&indicator=${encodeURIComponent(code)}&period=${encodeURIComponent(period)}`)).points);
    element.innerHTML = "";
    if (!series.length) {
      element.innerHTML = empty("Изменений за период ещё не было.");
      return;
    }
    if (!window.echarts) {
      element.innerHTML = empty("Библиотека графиков не загрузилась.");
      return;
    }
    const chart = echarts.init(element, null, { locale: "RU" });
    const target = indicator.target == null ? null : Number(indicator.target);
    chart.setOption({
      tooltip: { trigger: "axis", valueFormatter: (v) => valueText(v, indicator.unit) },
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      xAxis: { type: "category", data: series.map((p) => date(p.date)) },
      yAxis: { type: "value", axisLabel: { formatter: (v) => NUMBER.format(v) } },
      series: [
        { name, type: "line", data: series.map((p) => (p.value == null ? null : Number(p.value))), smooth: true,
          showSymbol: true, symbolSize: 8, areaStyle: { opacity: 0.08 },
          markLine: target == null ? undefined : { symbol: "none", data: [{ yAxis: target, name: "цель" }], label: { formatter: "цель " + valueText(target, indicator.unit) } } },
      ],
    });
    window.addEventListener("resize", () => chart.resize());
  });
  section(document.getElementById("drill"), async (element) => {
    const drill = await api(`/api/indicators/drilldown?scope=${encodeURIComponent(scope)}&indicator=${encodeURIComponent(code)}&period=${encodeURIComponent(period)}`);
    const organizations = items(drill.organizations || []).sort((a, b) => String(organizationNames[a.id] || a.id).localeCompare(String(organizationNames[b.id] || b.id), "ru", { numeric: true }));
    const groups = items(drill.targetGroups || []);
    const part = (p, label) => [escapeHtml(label), escapeHtml(valueText(p.value.value, p.value.unit)),
      escapeHtml(p.value.unit === "SHARE" ? num(p.value.numerator) + " / " + num(p.value.denominator) : "")];
    element.innerHTML = html`<div class="card"><h3>По организациям</h3>${organizations.length ? raw(table(["Организация", "Значение", "Числитель / знаменатель"], organizations.map((o) => part(o, organizationNames[o.id] || o.id)), "drill-organizations")) : raw(empty("Нет данных по организациям."))}
      <h3>По целевым группам</h3>${groups.length ? raw(table(["Целевая группа", "Значение", "Числитель / знаменатель"], groups.map((g) => part(g, TARGET_GROUP[g.id] || g.id)), "drill-groups")) : raw(empty("Нет данных по целевым группам."))}</div>`;
  });
}

/** A plain table; cells are HTML (escape them first); columns whose every cell is a number are right-aligned. */
function table(headers, rows, id) {
  const numeric = headers.map((h, i) => i > 0 && rows.length > 0 && rows.every((r) => /^[\s+\-−—]*[\d—][\d\s,.%/п—+-]*$/.test(String(r[i]).replace(/&nbsp;| /g, " "))));
  return `<div class="table-wrap"><table${id ? ` id="${id}"` : ""}><thead><tr>${headers.map((h, i) => `<th${numeric[i] ? ' class="num"' : ""}>${escapeHtml(h)}</th>`).join("")}</tr></thead>
    <tbody>${rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="num"' : ""}>${c}</td>`).join("")}</tr>`).join("")}</tbody></table></div>`;
}

async function renderSnapshots(element, municipalityId, period) {
  const scope = "municipality:" + municipalityId;
  const snapshots = items(await api("/api/indicators/snapshots?scope=" + encodeURIComponent(scope)));
  element.innerHTML = html`<div class="card"><div class="toolbar"><button class="secondary" id="freeze">Зафиксировать срез за ${period}</button>
      ${snapshots.length >= 2 ? raw(`<span>Сравнить:</span><select id="snap-a">${snapshots.map((s) => `<option value="${escapeHtml(s.id)}">${escapeHtml(s.period)} · ${escapeHtml(date(s.frozenAt))}</option>`).join("")}</select>
        <select id="snap-b">${snapshots.map((s, i) => `<option value="${escapeHtml(s.id)}" ${i === 1 ? "selected" : ""}>${escapeHtml(s.period)} · ${escapeHtml(date(s.frozenAt))}</option>`).join("")}</select>
        <button class="secondary" id="compare">Сравнить</button>`) : ""}</div>
      ${snapshots.length ? "" : raw(empty("Срезов ещё нет."))}<div id="comparison"></div></div>`;
  element.querySelector("#freeze").addEventListener("click", async () => {
    try {
      await api("/api/indicators/snapshots", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ scope, period }) });
      renderSnapshots(element, municipalityId, period);
    } catch (error) {
      showError(element.querySelector("#comparison"), error);
    }
  });
  const compare = element.querySelector("#compare");
  if (compare) compare.addEventListener("click", () => section(element.querySelector("#comparison"), async (out) => {
    const result = await api(`/api/indicators/snapshots/compare?a=${encodeURIComponent(element.querySelector("#snap-a").value)}&b=${encodeURIComponent(element.querySelector("#snap-b").value)}`);
    const units = {};
    (result.a.values || []).forEach((v) => (units[v.indicatorCode] = v.unit));
    const rows = items(result.rows).filter((r) => r.a != null || r.b != null);
    out.innerHTML = table(["Показатель", "Срез A", "Срез Б", "Изменение"], rows.map((r) => [escapeHtml(SHORT[r.indicatorCode] || r.indicatorCode),
      escapeHtml(valueText(r.a, units[r.indicatorCode])), escapeHtml(valueText(r.b, units[r.indicatorCode])),
      escapeHtml(r.change == null ? "—" : (Number(r.change) > 0 ? "+" : "") + num(r.change))]), "comparison-table");
  }));
}

/** Exports are downloads that need the token: fetched, then handed to the browser as a file. */
function bindExports(root, scope, period) {
  root.querySelectorAll("[data-export]").forEach((button) => button.addEventListener("click", () => {
    const format = button.dataset.export;
    download(`/api/indicators/export?scope=${encodeURIComponent(scope)}&period=${encodeURIComponent(period)}&format=${format}`,
      `indicators-${scope.replace(":", "-")}-${period.replace("/", "-")}.${format}`, button);
  }));
}

async function download(path, fileName, button) {
  button.disabled = true;
  try {
    const response = await fetch(path, { headers: { Authorization: "Bearer " + session.token } });
    if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => null));
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  } catch (error) {
    alert("Не удалось скачать: " + error.message);
  } finally {
    button.disabled = false;
  }
}

// ------------------------------------------------------------------ teachers

async function teachersView(claims) {
  const municipalityId = claims.municipality || sessionStorage.getItem("msp.municipality") || "";
  view.innerHTML = html`<h1>Педагоги</h1>
    <form class="toolbar" id="teacher-search"><input type="search" name="q" placeholder="Фамилия (начало)" aria-label="Фамилия">
      <button class="primary" type="submit">Найти</button></form><div id="teacher-list"></div>`;
  const form = document.getElementById("teacher-search");
  const search = () => section(document.getElementById("teacher-list"), async (element) => {
    const query = new URLSearchParams({ size: "50" });
    if (municipalityId) query.set("municipalityId", municipalityId);
    if (form.q.value.trim()) query.set("q", form.q.value.trim());
    const teachers = items(await api("/api/teachers?" + query));
    element.innerHTML = teachers.length
      ? table(["ФИО", "Должность", "Возраст", "Стаж", "Целевые группы"], teachers.map((t) => [
          `<a href="#/teacher/${encodeURIComponent(t.id)}">${escapeHtml([t.lastName, t.firstName, t.middleName].filter(Boolean).join(" "))}</a>`,
          escapeHtml(POSITION[t.position] || t.position), escapeHtml(num(t.age)), escapeHtml(num(t.experienceYears)),
          escapeHtml((t.targetGroups || []).map((g) => TARGET_GROUP[g] || g).join(", ")),
        ]), "teachers-table")
      : empty("Никого не нашлось.");
  });
  form.addEventListener("submit", (event) => { event.preventDefault(); search(); });
  search();
}

async function teacherView(claims, teacherId) {
  view.innerHTML = html`<h1 id="teacher-title">Педагог</h1><div class="grid2">
    <div><h2>Профиль компетенций</h2><div id="profile"></div><h2>Индивидуальный образовательный маршрут</h2><div id="route"></div></div>
    <div><h2>Сведения</h2><div id="facts"></div><h2>Адресные рекомендации</h2><div id="recommendations"></div></div></div>`;
  section(document.getElementById("facts"), async (element) => {
    const t = await api("/api/teachers/" + encodeURIComponent(teacherId));
    document.getElementById("teacher-title").textContent = [t.lastName, t.firstName, t.middleName].filter(Boolean).join(" ");
    element.innerHTML = html`<div class="card"><dl class="kv">
      <dt>Должность</dt><dd>${POSITION[t.position] || t.position}</dd>
      <dt>Предметы</dt><dd>${(t.subjects || []).join(", ") || "—"}</dd>
      <dt>Возраст</dt><dd>${num(t.age)}</dd><dt>Педагогический стаж</dt><dd>${num(t.experienceYears)}</dd>
      <dt>Категория</dt><dd>${{ NONE: "без категории", FIRST: "первая", HIGHEST: "высшая" }[t.category] || t.category || "—"}</dd>
      <dt>Целевые группы</dt><dd>${(t.targetGroups || []).map((g) => TARGET_GROUP[g] || g).join(", ") || "—"}</dd></dl></div>`;
  });
  const names = await loadCompetencyNames();
  const competency = (code) => names[code] || code;
  section(document.getElementById("profile"), async (element) => {
    const profile = await api(`/api/diagnostics/teachers/${encodeURIComponent(teacherId)}/profile`);
    const latest = items(profile.latest);
    if (!latest.length) {
      element.innerHTML = empty("Диагностика ещё не проводилась.");
      return;
    }
    const changes = {};
    items(profile.changes).forEach((c) => (changes[c.competencyCode] = c));
    element.innerHTML = table(["Компетенция", "Результат", "Уровень", "Дефицит", "Изменение"], latest.map((c) => [
      escapeHtml(competency(c.competencyCode)), escapeHtml(c.percent == null ? "—" : num(c.percent) + " %"),
      escapeHtml(LEVELS[c.level] || c.level), escapeHtml(c.deficit ? SEVERITY[c.deficit] || c.deficit : "нет"),
      escapeHtml(changes[c.competencyCode] ? (Number(changes[c.competencyCode].percentChange) > 0 ? "+" : "") + num(changes[c.competencyCode].percentChange) + " п. п." : "—"),
    ]), "profile-table") + `<p class="muted">Диагностика: ${escapeHtml(date(latest[0].diagnosedOn))}</p>`;
  });
  section(document.getElementById("route"), async (element) => {
    const routesFound = items(await api("/api/routes?teacherId=" + encodeURIComponent(teacherId)));
    if (!routesFound.length) {
      element.innerHTML = empty("Маршрута нет: он появится после диагностики с выявленными дефицитами.");
      return;
    }
    const r = await api("/api/routes/" + encodeURIComponent(routesFound[0].id));
    const steps = items(r.steps);
    const titles = {};
    await Promise.all(steps.filter((st) => st.offerId && ["COURSE", "EVENT", "INTERNSHIP"].includes(st.offerKind)).map((st) =>
      api("/api/activities/" + encodeURIComponent(st.offerId)).then((a) => (titles[st.offerId] = a.title)).catch(() => {})));
    const effect = items(r.effect);
    element.innerHTML = html`<div class="card" id="route-card"><p>Маршрут № ${r.number || 1}:
      <span class="badge status-${r.status === "COMPLETED" ? "MET" : r.status === "CANCELLED" ? "NOT_MET" : "AT_RISK"}" id="route-status">${ROUTE_STATUS[r.status] || r.status}</span>
      выполнено ${num(r.progress)} %${r.dueDate ? raw(" · срок " + escapeHtml(date(r.dueDate))) : ""}${r.stalled ? raw(' · <span class="badge status-NOT_MET">просрочен</span>') : ""}</p>
      <ol class="steps" id="route-steps">${steps.map((st) => raw(`<li><strong>${escapeHtml(OFFER_KIND[st.offerKind] || st.offerKind)}</strong>: ${escapeHtml(titles[st.offerId] || (st.offerKind === "SELF_STUDY" ? "самостоятельное изучение" : st.offerKind === "MENTOR" ? "работа с наставником" : ""))}
        ${st.status === "DONE" ? "✓ выполнен" + (st.completedOn ? " " + escapeHtml(date(st.completedOn)) : "") : ""}
        <div class="why">Почему: ${escapeHtml([competency(st.competencyCode), SEVERITY[st.severity], RULE[st.rule] || st.rule, st.frameworkVersion && "рамка компетенций " + st.frameworkVersion].filter(Boolean).join(" · "))}${st.dueDate ? " · срок " + escapeHtml(date(st.dueDate)) : ""}</div></li>`))}</ol>
      ${effect.length ? raw("<h3>Результат маршрута</h3>" + table(["Компетенция", "При открытии", "Сейчас", "Изменение"], effect.map((e) => [escapeHtml(competency(e.competencyCode)),
        escapeHtml((LEVELS[e.openingLevel] || "—") + (e.openingPercent == null ? "" : " (" + num(e.openingPercent) + " %)")),
        escapeHtml((LEVELS[e.latestLevel] || "—") + (e.latestPercent == null ? "" : " (" + num(e.latestPercent) + " %)")),
        escapeHtml(e.change == null ? "—" : (e.change > 0 ? "+" : "") + num(e.change) + " п. п." + (e.deficitClosed ? ", дефицит устранён" : ""))]), "effect-table")) : ""}</div>`;
  });
  section(document.getElementById("recommendations"), async (element) => {
    const list = items(await api("/api/recommendations?teacherId=" + encodeURIComponent(teacherId)));
    element.innerHTML = list.length
      ? html`<div class="card"><ul id="recommendations-list">${list.map((x) => raw(`<li>${escapeHtml(recommendationText(x, competency))} <small class="muted">${escapeHtml(date(x.issuedOn))}</small></li>`))}</ul></div>`
      : empty("Рекомендаций пока нет.");
  });
}

/** A recommendation in Russian, from its structured fields (deficit competencies, share of the staff). */
function recommendationText(r, competency) {
  const competencies = (r.competencyCodes || []).map(competency).join(", ");
  if (r.addressee === "TEACHER") {
    return competencies
      ? `Восполнить дефициты: ${competencies} — по шагам индивидуального маршрута.`
      : "Дефицитов не выявлено: продолжать самообразование, представить опыт в банке практик.";
  }
  return `${num(r.share)} % педагогов (${r.subject === "ALL_STAFF" ? "весь коллектив" : r.subject}) с дефицитом: ${competencies} — организовать адресное повышение квалификации.`;
}

// ------------------------------------------------------------------ activities and practices

async function activitiesView(claims) {
  const municipalityId = claims.municipality || sessionStorage.getItem("msp.municipality") || "";
  view.innerHTML = html`<h1>Мероприятия</h1><div class="toolbar">
      ${municipalityId ? raw(`<button class="secondary" id="ics">Скачать календарь (iCalendar)</button>`) : ""}</div><div id="activities"></div>`;
  const ics = document.getElementById("ics");
  if (ics) ics.addEventListener("click", () => download(`/api/activities/calendar.ics?municipalityId=${encodeURIComponent(municipalityId)}`, "calendar.ics", ics));
  section(document.getElementById("activities"), async (element) => {
    const query = municipalityId ? "?municipalityId=" + encodeURIComponent(municipalityId) : "";
    const list = items(await api("/api/activities" + query)).sort((a, b) => String(a.startsAt).localeCompare(String(b.startsAt)));
    element.innerHTML = list.length
      ? table(["Дата", "Мероприятие", "Вид", "Формат", "Места"], list.map((a) => [
          escapeHtml(date(a.startsAt)), escapeHtml(a.title), escapeHtml(ACTIVITY_KIND[a.kind] || a.kind),
          escapeHtml({ IN_PERSON: "очно", REMOTE: "дистанционно", MIXED: "смешанно" }[a.format] || a.format),
          escapeHtml(a.capacity == null ? "без ограничений" : num(a.seatsLeft ?? a.capacity) + " из " + num(a.capacity)),
        ]), "activities-table")
      : empty("Мероприятий нет.");
  });
}

async function practicesView() {
  view.innerHTML = html`<h1>Банк практик</h1><form class="toolbar" id="practice-search">
    <select name="competency" aria-label="Компетенция"><option value="">Все компетенции</option></select>
    <button class="primary" type="submit">Найти</button></form><div id="practices"></div>`;
  const form = document.getElementById("practice-search");
  api("/api/competencies").then((framework) => {
    const list2 = (framework.areas || []).flatMap((a) => a.competencies || []);
    form.competency.innerHTML += list2.map((c) => `<option value="${escapeHtml(c.code)}">${escapeHtml(c.nameRu || c.code)}</option>`).join("");
  }).catch(() => {});
  const search = () => section(document.getElementById("practices"), async (element) => {
    const query = form.competency.value ? "?competency=" + encodeURIComponent(form.competency.value) : "";
    const list = items(await api("/api/practices" + query));
    const names = await loadCompetencyNames();
    element.innerHTML = list.length
      ? table(["Практика", "Компетенции", "Уровень представления", "Статус"], list.map((p) => [
          /^https?:\/\//.test(p.materialsUrl || "") ? `<a href="${escapeHtml(p.materialsUrl)}" rel="noopener" target="_blank">${escapeHtml(p.title)}</a>` : escapeHtml(p.title),
          escapeHtml((p.competencyCodes || []).map((c) => names[c] || c).join(", ")),
          escapeHtml({ SCHOOL: "школьный", MUNICIPAL: "муниципальный", REGIONAL: "региональный", FEDERAL: "федеральный" }[p.presentedLevel] || p.presentedLevel || "—"),
          escapeHtml({ SUBMITTED: "на рассмотрении", APPROVED: "одобрена" }[p.status] || p.status),
        ]), "practices-table")
      : empty("Практик не найдено.");
  });
  form.addEventListener("submit", (event) => { event.preventDefault(); search(); });
  search();
}
