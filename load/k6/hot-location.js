// Everyone wants one clinic on one day: setup() reads the clinic-day's free slots once, then every citizen holds a random
// one (another on 409, up to holdAttemptsPerSearch) and confirms. Once the day is full nearly every hold is a 409: this
// measures one inventory grain under contention. DAY_OFFSET=N picks another day when an earlier run filled this one.
// Same scenario as `dotnet run --project load/Booking.LoadTest -- --scenario hot-location`; parameters in ../scenarios/hot-location.json.
import exec from 'k6/execution';
import { harness, loadSettings, optionsFor, ensureAllowedTarget, quebecDate, SUCCEEDED } from './lib.js';

const settings = loadSettings(open('../scenarios/hot-location.json'));
ensureAllowedTarget();
const h = harness(settings);

export const options = optionsFor(settings);

export function setup() {
  const hot = settings.hotLocation;
  const day = quebecDate(hot.dayOffset);
  const found = h.availability(hot.service, hot.postalCode, day, 1);
  if (found.outcome !== SUCCEEDED) exec.test.abort(`the availability search for the hot clinic-day failed (HTTP ${found.status})`);
  const clinic = (found.body.locations || []).find((l) => l.locationId === hot.locationId);
  const slots = (clinic ? clinic.slots : []).slice(0, settings.slotPickWindow)
    .map((s) => ({ locationId: hot.locationId, service: found.body.service, start: s.start }));
  if (slots.length === 0) {
    exec.test.abort(`clinic ${hot.locationId} lists no free ${hot.service} slot on ${day} `
      + '(filled by an earlier run, or closed that day); choose another day with DAY_OFFSET=N');
  }
  const freePlaces = clinic.slots.reduce((sum, s) => sum + s.remaining, 0);
  console.log(`Hot clinic-day: ${hot.locationId}, ${hot.service}, ${day}: ${slots.length} slots with ${freePlaces} free places at the start.`);
  return { slots };
}

export default function (data) {
  if (h.budgetSpent()) return h.idle();
  h.recordAttempt(h.tryBook(data.slots));
  return undefined;
}
