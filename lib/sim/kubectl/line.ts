/** One line of command output, as kubectl prints it (newline-terminated). */
export const line = (text: string) => `${text}\n`;
