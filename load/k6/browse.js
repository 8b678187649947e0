// Availability only: random postal code, service and first day within the window, as citizens comparing clinics.
// Same scenario as `dotnet run --project load/Booking.LoadTest -- --scenario browse`; parameters in ../scenarios/browse.json.
import { harness, loadSettings, optionsFor, ensureAllowedTarget, NOT_SENT } from './lib.js';

const settings = loadSettings(open('../scenarios/browse.json'));
ensureAllowedTarget();
const h = harness(settings);

export const options = optionsFor(settings);

export default function () {
  if (h.budgetSpent()) return h.idle();
  if (h.search().outcome !== NOT_SENT) h.think();
  return undefined;
}
