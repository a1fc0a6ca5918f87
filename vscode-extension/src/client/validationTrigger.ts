/** Values of the setting `hubjobs.validate.trigger`. */
export type ValidationTrigger = 'onType' | 'onSave';

/**
 * When VS Code asks the server for diagnostics. VS Code pulls them (`textDocument/diagnostic`), so
 * the server's own trigger only applies to clients it pushes to; for VS Code the client decides.
 * Documents are always validated when they are opened.
 */
export function diagnosticPullOptions(trigger: ValidationTrigger | undefined): { onChange: boolean; onSave: boolean } {
  return trigger === 'onSave' ? { onChange: false, onSave: true } : { onChange: true, onSave: false };
}
