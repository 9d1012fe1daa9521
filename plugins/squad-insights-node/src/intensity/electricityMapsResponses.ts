/**
 * Readers of Electricity Maps' v3 history responses, checked field by field: a proxy's
 * HTML page or a changed format must fail loudly, not become an hour of 0 g/kWh.
 *
 * `GET /v3/carbon-intensity/history?zone=SE3` answers
 * `{ zone, history: [{ zone, carbonIntensity, datetime, updatedAt, createdAt,
 * emissionFactorType, isEstimated, estimationMethod }] }` and
 * `GET /v3/power-breakdown/history?zone=SE3` answers `{ zone, history: [{ zone, datetime,
 * …, fossilFreePercentage, renewablePercentage, powerConsumptionTotal, … }] }`, each the
 * last 24 hours, hourly (https://static.electricitymaps.com/api/docs/index.html).
 */

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function historyOf(body: unknown, zone: string): Record<string, unknown>[] {
  if (!isObject(body) || !Array.isArray(body.history)) {
    throw new Error('has no "history" list');
  }
  if (body.zone !== undefined && body.zone !== zone) {
    throw new Error(`is for zone ${String(body.zone)}, not ${zone}`);
  }
  return body.history.map((h, i) => {
    if (!isObject(h)) throw new Error(`history[${i}] is not an object`);
    if (
      typeof h.datetime !== 'string' ||
      !Number.isFinite(Date.parse(h.datetime))
    ) {
      throw new Error(`history[${i}].datetime is not an ISO date`);
    }
    return h;
  });
}

/** One hour of `carbon-intensity/history`. */
export interface IntensityRow {
  datetime: string;
  carbonIntensity: number | null;
  isEstimated?: boolean;
}

/** Reads a `carbon-intensity/history` body; throws with what was wrong. */
export function readIntensityHistory(
  body: unknown,
  zone: string,
): IntensityRow[] {
  return historyOf(body, zone).map((h, i) => {
    const ci = h.carbonIntensity;
    // null is documented for hours without data; anything else must be a number.
    if (
      ci !== null &&
      (typeof ci !== 'number' || !Number.isFinite(ci) || ci < 0)
    ) {
      throw new Error(`history[${i}].carbonIntensity is not a number`);
    }
    return {
      datetime: new Date(h.datetime as string).toISOString(),
      carbonIntensity: ci,
      isEstimated:
        typeof h.isEstimated === 'boolean' ? h.isEstimated : undefined,
    };
  });
}

/** Reads a `power-breakdown/history` body into renewable share 0..1 by ISO hour. */
export function readRenewableHistory(
  body: unknown,
  zone: string,
): Map<string, number> {
  const out = new Map<string, number>();
  historyOf(body, zone).forEach((h, i) => {
    const r = h.renewablePercentage;
    if (r === null || r === undefined) return;
    if (typeof r !== 'number' || r < 0 || r > 100) {
      throw new Error(`history[${i}].renewablePercentage is not a percentage`);
    }
    out.set(new Date(h.datetime as string).toISOString(), r / 100);
  });
  return out;
}
