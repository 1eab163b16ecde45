/**
 * A throwaway PostgreSQL cluster for the server tests: initdb in a temp directory, started with
 * pg_ctl on a free local port, stopped and deleted afterwards. PostgreSQL refuses to run as root
 * (and CI runs as root), so as root the binaries run as the `postgres` user via runuser, on a
 * directory that user owns.
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface PostgresBinaries {
  bin: string;
  version: string;
}

/** Debian puts each major version under /usr/lib/postgresql/<version>/bin; take the newest. */
export function findPostgres(): PostgresBinaries | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "initdb")) && existsSync(path.join(root, v, "bin", "pg_ctl")))
    .sort((a, b) => Number(b) - Number(a));
  const version = versions[0];
  return version ? { bin: path.join(root, version, "bin"), version } : null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Cluster {
  url: (database: string) => string;
  port: number;
  version: string;
  stop: () => Promise<void>;
}

export async function startCluster(binaries: PostgresBinaries): Promise<Cluster> {
  const asRoot = userInfo().uid === 0;
  const dir = await mkdtemp(path.join(tmpdir(), "quorum-pg-"));
  const data = path.join(dir, "data");
  const exec = (tool: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", path.join(binaries.bin, tool), ...args]) : run(path.join(binaries.bin, tool), args);
  if (asRoot) {
    const ids = await run("id", ["-u", "postgres"]).then(async (u) => ({ uid: Number(u.stdout), gid: Number((await run("id", ["-g", "postgres"])).stdout) }));
    await chown(dir, ids.uid, ids.gid);
  }
  await exec("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "--encoding=UTF8", "--locale=C"]);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  await exec("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "start"]);
  return {
    port,
    version: binaries.version,
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    stop: async () => {
      await exec("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}
