export { COMMANDS, commandNamed } from "./commands";
export { commandHelp, commandsMarkdown, kubectlHelp } from "./help";
export { KUBECTL_COMMANDS, kubectl } from "./kubectl";
