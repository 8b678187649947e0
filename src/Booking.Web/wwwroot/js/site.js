// Progressive enhancement only: every page works without this file.
// Hold countdowns: the server renders the time left; this keeps it current, and says when the hold has expired.
// It counts from the time left on arrival, so a visitor whose clock is off still sees the right countdown.
const timers = new Map();

function format(ms) {
  if (ms <= 0) return "0 min 00 s";
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
}

function startCountdowns() {
  for (const element of document.querySelectorAll("[data-countdown-left-ms]")) {
    if (timers.has(element)) continue;
    const until = Date.now() + Number(element.dataset.countdownLeftMs);
    const value = element.querySelector("[data-countdown-value]");
    const tick = () => {
      const left = until - Date.now();
      value.textContent = format(left);
      if (left <= 0) {
        clearInterval(timers.get(element));
        element.textContent = element.dataset.expiredText;
        element.classList.add("countdown--expired");
      }
    };
    timers.set(element, setInterval(tick, 1000));
    tick();
  }
  for (const [element, timer] of timers) {
    if (!element.isConnected) { clearInterval(timer); timers.delete(element); }
  }
}

// Queue position: polls the waiting room's status and goes on to the booking page once admitted.
function startQueuePolling() {
  const queue = document.querySelector("[data-queue-status]");
  if (!queue || queue.dataset.polling) return;
  queue.dataset.polling = "1";
  const poll = async () => {
    if (!queue.isConnected) return;
    // The room says when to ask again: often near the front, seldom far back; a busy platform says so with Retry-After.
    let seconds = 3;
    try {
      const response = await fetch(queue.dataset.queueStatus, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (response.ok) {
        const status = await response.json();
        if (status.admitted) { window.location.assign(queue.dataset.queueNext); return; }
        queue.querySelector("[data-queue-position]").textContent = status.position;
        queue.querySelector("[data-queue-wait]").textContent = Math.max(1, Math.ceil(status.estimatedWaitSeconds / 60));
        seconds = status.pollAfterSeconds || seconds;
      } else {
        seconds = Number(response.headers.get("Retry-After")) || seconds;
      }
    } catch { /* a missed poll is retried on the next tick */ }
    setTimeout(poll, seconds * 1000);
  };
  setTimeout(poll, 1000);
}

// Error summary links: move focus to the field itself (a plain anchor only scrolls to it).
document.addEventListener("click", event => {
  const link = event.target.closest?.(".error-summary a[href*='#']");
  if (!link) return;
  const field = document.getElementById(link.hash.slice(1));
  if (!field) return;
  event.preventDefault();
  const input = field.matches("input, select, textarea") ? field : field.querySelector("input, select, textarea") ?? field;
  input.focus();
  field.scrollIntoView({ block: "center" });
});

function enhance() {
  startCountdowns();
  startQueuePolling();
}

enhance();
// Enhanced navigation swaps pages without reloading scripts: start what the new page needs.
window.Blazor?.addEventListener?.("enhancedload", enhance);
