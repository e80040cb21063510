export { COMMANDS } from "./commands";
export { KUBECTL_COMMANDS, kubectl } from "./kubectl";
