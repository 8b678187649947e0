// Shared by the k6 scenarios; mirrors load/Booking.LoadTest (same scenario files, same steps, same journey rules) so a
// run here and a run of the C# runner measure the same thing. See load/README.md.
import http from 'k6/http';
import { check, sleep } from 'k6';
import { Counter, Trend } from 'k6/metrics';
import exec from 'k6/execution';

export const BASE_URL = (__ENV.BASE_URL || 'http://127.0.0.1:5080').replace(/\/+$/, '');

// Outcome of one call, as in BookingApiClient.cs.
export const SUCCEEDED = 'succeeded'; // 2xx with a readable body
export const REJECTED = 'rejected'; // what the step expects under contention: 409 on a hold
export const FAILED = 'failed'; // any other status, a timeout, a transport error
export const NOT_SENT = 'not-sent'; // this user's share of maxRequests is spent

// How a hold-then-confirm attempt ended (SlotBooker.cs).
export const BOOKED = 'booked';
export const SLOTS_FULL = 'slots-full';
export const ATTEMPT_FAILED = 'failed';
export const STOPPED = 'stopped';

// The demo's screening questions answered so that nothing blocks (the API ignores questions a service does not ask);
// with a declared 'health-worker' group, every journey is eligible for the demo COVID-19 campaign.
const PASSING_ANSWERS = {
  'fever': false, 'severe-allergy': false, 'recent-infection': false, 'immunosuppressed': false,
  'guillain-barre': false, 'requisition': true, 'anticoagulants': false,
};

// Journey outcomes, the same labels as the C# report.
export const JOURNEY = {
  booked: 'booked',
  slotsFull: 'gave up: the slots tried were full',
  nothingListed: 'gave up: no free slot listed',
  failed: 'failed: an error answer',
};

const STEPS = ['availability', 'hold', 'confirm'];
const stepDuration = {
  availability: new Trend('availability_duration', true),
  hold: new Trend('hold_duration', true),
  confirm: new Trend('confirm_duration', true),
};
const confirmedBookings = new Counter('confirmed_bookings');
const holdConflicts = new Counter('hold_conflicts');
const stepErrors = new Counter('step_errors');
const journeys = new Counter('journeys');

// Load goes to this machine only, unless ALLOW_REMOTE=1 is set for a deployment you are responsible for.
export function ensureAllowedTarget(baseUrl = BASE_URL) {
  const host = (/^https?:\/\/(\[[^\]]+\]|[^:/?#]+)/i.exec(baseUrl) || [])[1];
  if (!host) throw new Error(`BASE_URL ${baseUrl} is not an http(s) URL`);
  const loopback = /^localhost$/i.test(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '[::1]';
  if (!loopback && __ENV.ALLOW_REMOTE !== '1') {
    throw new Error(`BASE_URL ${baseUrl} is not on this machine; set ALLOW_REMOTE=1 to load a deployment you are responsible for`);
  }
}

// The scenario file, with the environment overriding what the C# runner's command line overrides.
export function loadSettings(json) {
  const settings = JSON.parse(json);
  const int = (name) => (__ENV[name] !== undefined && __ENV[name] !== '' ? parseInt(__ENV[name], 10) : undefined);
  if (int('VUS') !== undefined) settings.virtualUsers = int('VUS');
  if (int('DURATION') !== undefined) settings.durationSeconds = int('DURATION');
  if (int('MAX_REQUESTS') !== undefined) settings.maxRequests = int('MAX_REQUESTS');
  if (int('DAY_OFFSET') !== undefined && settings.hotLocation) settings.hotLocation.dayOffset = int('DAY_OFFSET');
  if (__ENV.RATE) settings.arrivals = arrivalsOf(__ENV.RATE, int('MAX_VUS'));
  settings.rampUpSeconds = Math.min(settings.rampUpSeconds || 0, settings.durationSeconds);
  settings.requestTimeoutSeconds = settings.requestTimeoutSeconds || 10;
  settings.thinkTimeMs = settings.thinkTimeMs || { min: 0, max: 0 };
  return settings;
}

// N users started evenly over the ramp-up, then held until the duration is up; thresholds from the scenario's "slo".
export function optionsFor(settings) {
  const rampUp = settings.rampUpSeconds;
  const stages = [];
  if (rampUp > 0) stages.push({ duration: `${rampUp}s`, target: settings.virtualUsers });
  if (settings.durationSeconds > rampUp) stages.push({ duration: `${settings.durationSeconds - rampUp}s`, target: settings.virtualUsers });
  const thresholds = {
    // 409 on a hold is declared expected (responseCallback), so this counts real errors only.
    http_req_failed: ['rate<0.01'],
  };
  for (const [step, objective] of Object.entries(settings.slo || {})) {
    if (STEPS.includes(step) && objective.p99Ms) thresholds[`http_req_duration{step:${step}}`] = [`p(99)<${objective.p99Ms}`];
  }
  return {
    scenarios: {
      [settings.name.replace(/[^A-Za-z0-9_]/g, '_')]: settings.arrivals ? arrivalExecutor(settings) : {
        executor: 'ramping-vus',
        startVUs: rampUp > 0 ? 0 : settings.virtualUsers,
        stages,
        gracefulRampDown: `${settings.requestTimeoutSeconds}s`,
        gracefulStop: `${settings.requestTimeoutSeconds}s`,
      },
    },
    thresholds,
    summaryTrendStats: ['avg', 'p(50)', 'p(95)', 'p(99)', 'max', 'count'],
    setupTimeout: '30s',
  };
}

// RATE=500: journeys started at 500/s whatever earlier ones take (constant-arrival-rate); RATE=100..1000: a rate ramping
// linearly over the run (ramping-arrival-rate). MAX_VUS bounds the pool (default 10 × the peak rate, as the C# runner);
// a journey due while every VU is busy is dropped and counted in k6's dropped_iterations.
export function arrivalsOf(rateText, maxVus) {
  const match = /^(\d+(?:\.\d+)?)(?:\.\.(\d+(?:\.\d+)?))?$/.exec(rateText);
  if (!match) throw new Error(`RATE ${rateText} must be journeys per second, e.g. 500, or a ramp over the run, e.g. 100..1000`);
  const from = parseFloat(match[1]);
  const to = match[2] === undefined ? from : parseFloat(match[2]);
  if (Math.max(from, to) <= 0) throw new Error(`RATE ${rateText} must be above 0`);
  return { from, to, maxVus: maxVus || Math.ceil(Math.max(from, to) * 10) };
}

function arrivalExecutor(settings) {
  const { from, to, maxVus } = settings.arrivals;
  const common = {
    timeUnit: '1s',
    preAllocatedVUs: maxVus,
    maxVUs: maxVus,
    gracefulStop: `${settings.requestTimeoutSeconds}s`,
  };
  if (from === to) return Object.assign({ executor: 'constant-arrival-rate', rate: from, duration: `${settings.durationSeconds}s` }, common);
  return Object.assign({ executor: 'ramping-arrival-rate', startRate: from, stages: [{ target: to, duration: `${settings.durationSeconds}s` }] }, common);
}

// Québec's date: UTC-4 from the second Sunday of March 02:00 to the first Sunday of November 02:00 (local), else UTC-5.
export function quebecDate(daysAhead, now = new Date()) {
  const year = now.getUTCFullYear();
  const sunday = (month, nth) => {
    const firstDay = new Date(Date.UTC(year, month, 1)).getUTCDay();
    return 1 + ((7 - firstDay) % 7) + 7 * (nth - 1);
  };
  const summerStart = Date.UTC(year, 2, sunday(2, 2), 7); // 02:00 EST
  const summerEnd = Date.UTC(year, 10, sunday(10, 1), 6); // 02:00 EDT
  const offsetHours = now.getTime() >= summerStart && now.getTime() < summerEnd ? -4 : -5;
  const local = new Date(now.getTime() + offsetHours * 3600 * 1000);
  const day = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + daysAhead));
  return day.toISOString().slice(0, 10);
}

// Base-26 in lower-case letters (names must be letters only): 0 -> "a", 27 -> "bb".
export function letters(n) {
  let text = '';
  do {
    text = String.fromCharCode(97 + (n % 26)) + text;
    n = Math.floor(n / 26);
  } while (n > 0);
  return text;
}

const FIRST_NAMES = ['Marie', 'Jean', 'Élise', 'Luc', 'Sophie', 'Mathieu', 'Chloé', 'Olivier', 'Léa', 'Gabriel', 'Nathalie', 'Félix'];
const LAST_NAMES = ['Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagné'];

// The slots a citizen sees at the top of an answer: nearest clinics first, earliest times first, at most `window`.
export function candidatesOf(answer, window) {
  const candidates = [];
  for (const location of answer.locations || []) {
    for (const slot of location.slots || []) {
      if (candidates.length >= window) return candidates;
      candidates.push({ locationId: location.locationId, service: answer.service, start: slot.start });
    }
  }
  return candidates;
}

// Everything a virtual user does; one per VU (each VU runs its own copy of this module).
export function harness(settings) {
  const vus = settings.arrivals ? settings.arrivals.maxVus : settings.virtualUsers;
  const requestBudget = Math.ceil(settings.maxRequests / vus); // this VU's share of maxRequests
  const runPrefix = letters(Math.floor(Math.random() * Math.pow(26, 5)));
  let sent = 0;
  let citizens = 0;

  const params = (step, name, extra = {}) => Object.assign({
    tags: { step, name },
    timeout: `${settings.requestTimeoutSeconds}s`,
    headers: { 'Content-Type': 'application/json' },
  }, extra);

  function answerOf(res) {
    if (res.status === 0) return res.error_code === 1050 ? 'timeout' : `transport: ${res.error_code || res.error}`;
    let type = null;
    try {
      const problem = res.json();
      const at = problem && typeof problem.type === 'string' ? problem.type.indexOf('/problems/') : -1;
      if (at >= 0) type = problem.type.slice(at + '/problems/'.length);
    } catch (e) {
      // not a problem document
    }
    return type ? `${res.status} ${type}` : `${res.status}`;
  }

  function record(step, res, expectedRejections) {
    if (res.status !== 0) stepDuration[step].add(res.timings.duration, { step });
    const ok = res.status >= 200 && res.status < 300;
    check(res, { [`${step}: 2xx${expectedRejections.length ? ` or ${expectedRejections.join('/')}` : ''}`]: () => ok || expectedRejections.includes(res.status) });
    if (ok) {
      try {
        return { outcome: SUCCEEDED, status: res.status, body: res.json() };
      } catch (e) {
        stepErrors.add(1, { step, answer: `${res.status} with an unreadable body` });
        return { outcome: FAILED, status: res.status };
      }
    }
    if (expectedRejections.includes(res.status)) {
      holdConflicts.add(1, { answer: answerOf(res) });
      return { outcome: REJECTED, status: res.status };
    }
    stepErrors.add(1, { step, answer: answerOf(res) });
    return { outcome: FAILED, status: res.status };
  }

  function tryStartRequest() {
    if (sent >= requestBudget) return false;
    sent += 1;
    return true;
  }

  const idempotencyKey = () => `${exec.vu.idInTest}-${Date.now()}-${Math.random().toString(36).slice(2)}`;

  const h = {
    // True once this VU's share of maxRequests is spent; the script then idles until the run ends.
    budgetSpent: () => sent >= requestBudget,
    idle: () => sleep(1),

    // One pause after every request, as the C# runner does: reading the list, filling the form.
    think() {
      const { min, max } = settings.thinkTimeMs;
      const ms = min + Math.random() * (max - min);
      if (ms > 0) sleep(ms / 1000);
    },

    pick: (items) => items[Math.floor(Math.random() * items.length)],

    availability(service, postalCode, from, days) {
      if (!tryStartRequest()) return { outcome: NOT_SENT, status: 0 };
      const url = `${BASE_URL}/api/v1/availability?service=${encodeURIComponent(service)}&postalCode=${encodeURIComponent(postalCode)}`
        + `&from=${from}&days=${days}&radiusKm=${settings.radiusKm}&limit=${settings.limit}`
        // Every slot a citizen may pick; the API lists at most 500 per clinic.
        + `&slotsPerLocation=${Math.min(settings.slotPickWindow, 500)}`;
      return record('availability', http.get(url, params('availability', 'GET /api/v1/availability')), []);
    },

    // A citizen's search: random service, postal code and first day within the date window.
    search() {
      const window = settings.dateWindow;
      const offset = window.fromDaysAhead + Math.floor(Math.random() * (window.toDaysAhead - window.fromDaysAhead + 1));
      return h.availability(h.pick(settings.services), h.pick(settings.postalCodes), quebecDate(offset), settings.searchDays);
    },

    hold(slot) {
      if (!tryStartRequest()) return { outcome: NOT_SENT, status: 0 };
      const body = JSON.stringify({ locationId: slot.locationId, service: slot.service, start: slot.start });
      const res = http.post(`${BASE_URL}/api/v1/holds`, body, params('hold', 'POST /api/v1/holds', {
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey() },
        responseCallback: http.expectedStatuses({ min: 200, max: 299 }, 409),
      }));
      return record('hold', res, [409]);
    },

    confirm(holdId) {
      if (!tryStartRequest()) return { outcome: NOT_SENT, status: 0 };
      const body = JSON.stringify({ holdId, citizen: h.nextCitizen(), consent: true, screening: PASSING_ANSWERS, priorityGroups: ['health-worker'] });
      const res = http.post(`${BASE_URL}/api/v1/bookings`, body, params('confirm', 'POST /api/v1/bookings', {
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey() },
      }));
      const call = record('confirm', res, []);
      if (call.outcome === SUCCEEDED) confirmedBookings.add(1);
      return call;
    },

    // A different citizen per journey (the minimum-interval rule refuses the same person twice); letters only.
    nextCitizen() {
      citizens += 1;
      const n = exec.vu.idInTest * 100003 + citizens;
      const suffix = `${runPrefix}${letters(exec.vu.idInTest)}-${letters(citizens)}`;
      const birth = new Date(Date.UTC(1935, 0, 1) + ((n * 7919) % (365 * 70)) * 86400000);
      return {
        firstName: FIRST_NAMES[n % FIRST_NAMES.length],
        lastName: `${LAST_NAMES[n % LAST_NAMES.length]}-${suffix}`,
        birthDate: birth.toISOString().slice(0, 10),
        healthCardNumber: null,
        email: `citoyen.${suffix}@example.org`,
        emailConsent: true,
        phone: '+15145550143',
        language: n % 3 === 0 ? 'en' : 'fr',
      };
    },

    // Hold a random slot among the candidates, another one on 409, up to holdAttemptsPerSearch distinct slots; confirm
    // the first hold obtained. Returns BOOKED, SLOTS_FULL, ATTEMPT_FAILED or STOPPED.
    tryBook(candidates) {
      const order = candidates.slice();
      for (let i = order.length - 1; i > 0; i -= 1) {
        const j = Math.floor(Math.random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      for (const slot of order.slice(0, settings.holdAttemptsPerSearch)) {
        const hold = h.hold(slot);
        if (hold.outcome === NOT_SENT) return STOPPED;
        h.think();
        if (hold.outcome === REJECTED) continue;
        if (hold.outcome !== SUCCEEDED || !hold.body.holdId) return ATTEMPT_FAILED;
        const booking = h.confirm(hold.body.holdId);
        if (booking.outcome === NOT_SENT) return STOPPED;
        h.think();
        return booking.outcome === SUCCEEDED ? BOOKED : ATTEMPT_FAILED;
      }
      return SLOTS_FULL;
    },

    journeyEnded: (outcome) => journeys.add(1, { outcome }),

    // A journey cut by the end of this VU's budget is not counted.
    recordAttempt(attempt) {
      if (attempt === BOOKED) h.journeyEnded(JOURNEY.booked);
      else if (attempt === SLOTS_FULL) h.journeyEnded(JOURNEY.slotsFull);
      else if (attempt === ATTEMPT_FAILED) h.journeyEnded(JOURNEY.failed);
    },
  };
  return h;
}
