// The template of a new embedded database beside the server bundle, if the build made one
// (scripts/embedded-template-asset.ts). A server module's type, but declared in shared/: the app's
// type check reaches server/utils/ too (through the auto-imports), and reads only shared/'s types.
declare module '#embedded-template' {
  const templateUrl: () => URL | undefined
  export default templateUrl
}
