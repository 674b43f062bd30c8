// Bootstrap of the MongoDB replica set, run by the Job mongo-rs-init with `mongosh --nodb --file`.
// Idempotent: on a healthy, initiated set it only re-applies the application user's password and role.
//
// 1. If the set is not initiated: rs.initiate on the first member alone (the other members already hold
//    the root user that the image entrypoint created, and MongoDB refuses to initiate a set whose other
//    members have data; added later, they drop it and copy the primary in their initial sync).
// 2. Adds the missing members one at a time (MongoDB allows one voting member change per reconfig).
// 3. Waits until every member is PRIMARY or SECONDARY.
// 4. Creates the application user (readWrite on its database), or updates its password and role.

const env = process.env;
function required(name) {
  const value = env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

const replicaSet = required('MONGO_REPLICA_SET');
const members = required('MONGO_MEMBERS').split(',').map((host) => host.trim()).filter((host) => host);
const rootCredentials = `${encodeURIComponent(required('MONGO_ROOT_USERNAME'))}:${encodeURIComponent(required('MONGO_ROOT_PASSWORD'))}`;
const appUser = required('MONGO_APP_USERNAME');
const appPassword = required('MONGO_APP_PASSWORD');
const appDatabase = required('MONGO_APP_DATABASE');

function redact(uri) {
  return uri.replace(rootCredentials, '***:***');
}

function retry(what, attempts, action) {
  for (let attempt = 1; ; attempt++) {
    try {
      return action();
    } catch (e) {
      if (attempt >= attempts) {
        throw e;
      }
      print(`${what}: ${e.message} (attempt ${attempt} of ${attempts}, retrying in 5 s)`);
      sleep(5000);
    }
  }
}

function connect(uri) {
  return retry(`connecting to ${redact(uri)}`, 60, () => {
    const connection = new Mongo(uri);
    connection.getDB('admin').runCommand({ ping: 1 });
    return connection;
  });
}

// Returns the reply, or { ok: 0, code, codeName, errmsg } where mongosh throws on a failed command.
function command(db, cmd) {
  try {
    return db.runCommand(cmd);
  } catch (e) {
    return { ok: 0, code: e.code, codeName: e.codeName, errmsg: e.message };
  }
}

function check(reply, what) {
  if (reply.ok !== 1) {
    throw new Error(`${what} failed: ${reply.codeName || reply.code}: ${reply.errmsg}`);
  }
  return reply;
}

// 1. Initiate, talking to the first member directly (there is no primary yet).
const seed = connect(`mongodb://${rootCredentials}@${members[0]}/admin?authSource=admin&directConnection=true`);
const seedStatus = command(seed.getDB('admin'), { replSetGetStatus: 1 });
if (seedStatus.ok === 1) {
  print(`replica set ${seedStatus.set} is already initiated`);
} else if (seedStatus.codeName === 'NotYetInitialized' || seedStatus.code === 94) {
  print(`initiating replica set ${replicaSet} with ${members[0]}`);
  check(command(seed.getDB('admin'), {
    replSetInitiate: { _id: replicaSet, members: [{ _id: 0, host: members[0] }] },
  }), 'replSetInitiate');
} else {
  check(seedStatus, 'replSetGetStatus');
}

// From here on, go through the replica set: whichever member is primary.
const setUri = `mongodb://${rootCredentials}@${members.join(',')}/admin?authSource=admin&replicaSet=${replicaSet}`;
const admin = connect(setUri).getDB('admin');

// 2. Add the missing members.
for (const host of members) {
  retry(`adding ${host}`, 60, () => {
    const config = check(command(admin, { replSetGetConfig: 1 }), 'replSetGetConfig').config;
    if (config.members.some((member) => member.host === host)) {
      return;
    }
    const nextId = Math.max(...config.members.map((member) => member._id)) + 1;
    config.members.push({ _id: nextId, host });
    config.version += 1;
    print(`adding ${host} to ${replicaSet}`);
    check(command(admin, { replSetReconfig: config }), `replSetReconfig adding ${host}`);
  });
}

// 3. Wait for every member to be PRIMARY or SECONDARY (initial sync done).
retry('waiting for all members', 120, () => {
  const status = check(command(admin, { replSetGetStatus: 1 }), 'replSetGetStatus');
  const notReady = status.members.filter((member) => member.stateStr !== 'PRIMARY' && member.stateStr !== 'SECONDARY');
  if (notReady.length > 0) {
    throw new Error(`not ready yet: ${notReady.map((member) => `${member.name}=${member.stateStr}`).join(', ')}`);
  }
});

// 4. The application user, in the admin database (the backend connects with authSource=admin).
const roles = [{ role: 'readWrite', db: appDatabase }];
const writeConcern = { w: 'majority', wtimeout: 30000 };
if (admin.getUser(appUser)) {
  admin.updateUser(appUser, { pwd: appPassword, roles }, writeConcern);
  print(`updated user ${appUser} (readWrite on ${appDatabase})`);
} else {
  admin.createUser({ user: appUser, pwd: appPassword, roles }, writeConcern);
  print(`created user ${appUser} (readWrite on ${appDatabase})`);
}
print(`replica set ${replicaSet} is ready`);
