// Campaign opening: search -> hold -> confirm. On a full slot (409) the citizen tries another slot from the same answer,
// up to holdAttemptsPerSearch, then searches again, up to searchesPerCitizen, then gives up.
// Same scenario as `dotnet run --project load/Booking.LoadTest -- --scenario stampede`; parameters in ../scenarios/stampede.json.
import {
  harness, loadSettings, optionsFor, ensureAllowedTarget, candidatesOf,
  NOT_SENT, SUCCEEDED, SLOTS_FULL, JOURNEY,
} from './lib.js';

const settings = loadSettings(open('../scenarios/stampede.json'));
ensureAllowedTarget();
const h = harness(settings);

export const options = optionsFor(settings);

export default function () {
  if (h.budgetSpent()) return h.idle();
  let lastSearchListedNothing = false;
  for (let search = 0; search < settings.searchesPerCitizen; search += 1) {
    const found = h.search();
    if (found.outcome === NOT_SENT) return undefined;
    h.think();
    if (found.outcome !== SUCCEEDED) {
      h.journeyEnded(JOURNEY.failed);
      return undefined;
    }
    const candidates = candidatesOf(found.body, settings.slotPickWindow);
    lastSearchListedNothing = candidates.length === 0;
    if (lastSearchListedNothing) continue;

    const attempt = h.tryBook(candidates);
    if (attempt !== SLOTS_FULL) {
      h.recordAttempt(attempt);
      return undefined;
    }
  }
  h.journeyEnded(lastSearchListedNothing ? JOURNEY.nothingListed : JOURNEY.slotsFull);
  return undefined;
}
