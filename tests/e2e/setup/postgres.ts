// Creates or drops the PostgreSQL database of a browser-test run (named by E2E_POSTGRES_DATABASE).
import postgres from 'postgres'

const name = process.env.E2E_POSTGRES_DATABASE
if (!name || !/^\w+$/.test(name)) throw new Error('E2E_POSTGRES_DATABASE must name the database')
const sql = postgres(process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', { onnotice: () => {} })
try {
  await sql.unsafe(`drop database if exists ${name} with (force)`)
  if (process.argv[2] === 'create') await sql.unsafe(`create database ${name}`)
}
finally {
  await sql.end()
}
