// Creates or drops the PostgreSQL database of a browser-test run (named by E2E_POSTGRES_DATABASE).
import postgres from 'postgres'
import { testPostgresUrl } from '../../support/postgres.ts'

const name = process.env.E2E_POSTGRES_DATABASE
if (!name || !/^\w+$/.test(name)) throw new Error('E2E_POSTGRES_DATABASE must name the database')
const sql = postgres(testPostgresUrl, { onnotice: () => {} })
try {
  await sql.unsafe(`drop database if exists ${name} with (force)`)
  if (process.argv[2] === 'create') await sql.unsafe(`create database ${name}`)
}
finally {
  await sql.end()
}
