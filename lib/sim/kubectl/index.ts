export { COMMANDS } from "./commands";
export { commandHelp, commandsMarkdown, kubectlHelp } from "./help";
export { KUBECTL_COMMANDS, kubectl } from "./kubectl";
