// The official Node service SDK (azure-iothub), unmodified, through a full flow against a hub.
//
// Environment: IOTHUB_CONNECTION_STRING (HostName=localhost;...), NODE_EXTRA_CA_CERTS (the hub's
// CA), and, when the hub is not on port 443, IOTHUB_EMULATOR_PORT with `node -r ./redirect443.js`.
// Prints one JSON line per step: {"step": name, "ok": true, "result": ...} or
// {"step": name, "ok": false, "error": {...}}; a failed step does not stop the flow. The last line
// is {"step": "end"}. ServeNodeSdkIT checks every step.
'use strict';

const { Registry, JobClient } = require('azure-iothub');
// The SDK's own error classes (vendored in the package; its REST client throws these).
const errors = require('azure-iothub/dist/common-core/errors');

const cs = process.env.IOTHUB_CONNECTION_STRING;
const registry = Registry.fromConnectionString(cs);
const jobs = JobClient.fromConnectionString(cs);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const DEVICES = ['node-0', 'node-1', 'node-2', 'node-3', 'node-4'];
const TERMINAL = ['completed', 'failed', 'cancelled'];

function describe(e) {
  return {
    name: e && e.name,
    constructor: e && e.constructor && e.constructor.name,
    message: e && e.message,
    status: e && e.response ? e.response.statusCode : undefined
  };
}

async function step(name, fn) {
  try {
    const result = await fn();
    console.log(JSON.stringify({ step: name, ok: true, result: result === undefined ? null : result }));
    return result;
  } catch (e) {
    console.log(JSON.stringify({ step: name, ok: false, error: describe(e) }));
    return undefined;
  }
}

/** Runs fn, which must fail: returns the error's class name and whether it is an instance of type. */
async function failure(fn, type) {
  try {
    await fn();
  } catch (e) {
    return { error: describe(e), typed: e instanceof type };
  }
  throw new Error('no error');
}

/**
 * All pages of a query. The SDK's promise form next() without an argument sends no continuation
 * token (it would ask for the first page again), so the token is passed explicitly.
 */
async function pages(query, read) {
  const out = [];
  let count = 0;
  while (query.hasMoreResults && count < 50) {
    const page = await read(query.continuationToken);
    out.push(...page.result);
    count++;
  }
  return { items: out, pages: count };
}

async function waitFor(jobId) {
  const until = Date.now() + 60000;
  for (;;) {
    const { jobStatus } = await jobs.getJob(jobId);
    if (TERMINAL.includes(jobStatus.status) || Date.now() > until) {
      return jobStatus;
    }
    await sleep(200);
  }
}

(async () => {
  await step('createDevices', async () => {
    const created = [];
    for (const id of DEVICES) {
      const device = (await registry.create({ deviceId: id })).responseBody;
      created.push({ deviceId: device.deviceId, hasKey: !!device.authentication.symmetricKey.primaryKey });
    }
    return created;
  });

  await step('listDevices', async () => {
    const devices = (await registry.list()).responseBody;
    return devices.map((d) => d.deviceId);
  });

  const etags = {};
  await step('getTwin', async () => {
    const twin = (await registry.getTwin('node-0')).responseBody;
    return { deviceId: twin.deviceId, etag: twin.etag, tags: twin.tags };
  });

  await step('patchTwins', async () => {
    const out = [];
    for (let i = 0; i < DEVICES.length; i++) {
      const before = (await registry.getTwin(DEVICES[i])).responseBody;
      const building = i < 3 ? '43' : '44';
      const after = (await registry.updateTwin(DEVICES[i], { tags: { building } }, before.etag)).responseBody;
      etags[DEVICES[i]] = { before: before.etag, after: after.etag };
      out.push({ deviceId: after.deviceId, building: after.tags.building, etagChanged: after.etag !== before.etag });
    }
    return out;
  });

  await step('twinQuery', async () => {
    const q = registry.createQuery("SELECT * FROM devices WHERE tags.building = '43'", 2);
    const all = await pages(q, (token) => q.nextAsTwin(token));
    return { deviceIds: all.items.map((t) => t.deviceId), pages: all.pages };
  });

  await step('twinJob', async () => {
    const { jobStatus } = await jobs.scheduleTwinUpdate(
      'node-twin-job', "tags.building = '43'", { etag: '*', properties: { desired: { fw: '2.0' } } }, new Date(), 600);
    const done = await waitFor('node-twin-job');
    const twin = (await registry.getTwin('node-1')).responseBody;
    const other = (await registry.getTwin('node-4')).responseBody;
    return {
      scheduled: jobStatus.status,
      type: done.type,
      status: done.status,
      statistics: done.deviceJobStatistics,
      fw: twin.properties.desired.fw,
      otherFw: other.properties.desired.fw === undefined ? null : other.properties.desired.fw
    };
  });

  await step('methodJob', async () => {
    const { jobStatus } = await jobs.scheduleDeviceMethod(
      'node-method-job', "tags.kind = 'slow'", { methodName: 'reboot', payload: { delay: 1 } }, new Date(), 600);
    const done = await waitFor('node-method-job');
    return { scheduled: jobStatus.status, type: done.type, status: done.status, statistics: done.deviceJobStatistics };
  });

  await step('deviceJobsQuery', async () => {
    const q = registry.createQuery("SELECT * FROM devices.jobs WHERE devices.jobs.jobId = 'node-method-job'");
    const all = await pages(q, (token) => q.next(token));
    const twinRows = registry.createQuery("SELECT * FROM devices.jobs WHERE devices.jobs.jobId = 'node-twin-job'", 2);
    const twinAll = await pages(twinRows, (token) => twinRows.next(token));
    return {
      methodRows: all.items.map((r) => ({
        deviceId: r.deviceId,
        jobType: r.jobType,
        status: r.status,
        response: r.outcome ? r.outcome.deviceMethodResponse : null
      })),
      twinRows: twinAll.items.map((r) => ({ deviceId: r.deviceId, status: r.status })).sort((a, b) => a.deviceId.localeCompare(b.deviceId)),
      twinPages: twinAll.pages
    };
  });

  // S1 allows five active jobs: five scheduled for next month fill it, the sixth is throttled.
  const nextMonth = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  const patch = { etag: '*', properties: { desired: { fw: '3.0' } } };
  await step('scheduleLater', async () => {
    const out = [];
    for (let i = 0; i < 5; i++) {
      out.push((await jobs.scheduleTwinUpdate('node-later-' + i, '*', patch, nextMonth, 600)).jobStatus.status);
    }
    return out;
  });

  await step('throttled', () => failure(
    () => jobs.scheduleTwinUpdate('node-later-5', '*', patch, nextMonth, 600), errors.ThrottlingError));

  await step('cancel', async () => {
    const { jobStatus } = await jobs.cancelJob('node-later-0');
    const again = (await jobs.getJob('node-later-0')).jobStatus;
    return { status: jobStatus.status, afterwards: again.status };
  });

  await step('jobQuery', async () => {
    const cancelled = jobs.createQuery('scheduleUpdateTwin', 'cancelled');
    const completedMethods = jobs.createQuery('scheduleDeviceMethod', 'completed');
    const scheduled = jobs.createQuery('scheduleUpdateTwin', 'scheduled', 2);
    const ids = async (q) => (await pages(q, (token) => q.next(token))).items.map((j) => j.jobId).sort();
    const scheduledAll = await pages(scheduled, (token) => scheduled.next(token));
    return {
      cancelled: await ids(cancelled),
      completedMethods: await ids(completedMethods),
      scheduled: scheduledAll.items.map((j) => j.jobId).sort(),
      scheduledPages: scheduledAll.pages
    };
  });

  await step('notFound', () => failure(() => registry.getTwin('nobody'), errors.DeviceNotFoundError));

  await step('alreadyExists', () => failure(
    () => registry.create({ deviceId: 'node-0' }), errors.DeviceAlreadyExistsError));

  // The SDK turns a 412 into InvalidEtagError.
  await step('preconditionFailed', () => failure(
    () => registry.updateTwin('node-0', { tags: { floor: 1 } }, etags['node-0'].before), errors.InvalidEtagError));

  await step('unauthorized', async () => {
    const wrong = cs.replace(/SharedAccessKey=[^;]*/, 'SharedAccessKey=' + Buffer.alloc(32).toString('base64'));
    const outcome = await failure(
      () => Registry.fromConnectionString(wrong).create({ deviceId: 'intruder' }), errors.UnauthorizedError);
    const kept = await failure(() => registry.get('intruder'), errors.DeviceNotFoundError);
    return { ...outcome, intruderCreated: !kept.typed };
  });

  console.log(JSON.stringify({ step: 'end' }));
})().catch((e) => {
  console.log(JSON.stringify({ step: 'crash', ok: false, error: describe(e) }));
  process.exit(1);
});
