import { join } from 'node:path';
import type { Config } from '../../core/config/config';
import { rotateKeyFile } from '../../core/crypto';
import { type CommandResult, UsageError } from '../output';

/** `keys rotate`: a new field-encryption key becomes current; old ones still open old values. */
export async function keysCommand(config: Config, args: string[]): Promise<CommandResult> {
  if (args[0] !== 'rotate') {
    throw new UsageError('gonghui keys rotate [--json]');
  }
  if (config.GONGHUI_KEYS) {
    throw new UsageError('密钥由 GONGHUI_KEYS 提供：请在密钥管理处轮换后重新注入');
  }
  const file = config.GONGHUI_KEY_FILE ?? join(config.dataDir, 'keys.json');
  const { newKeyId } = rotateKeyFile(file);
  return { text: `已生成新密钥 ${newKeyId} 并设为当前密钥（${file}）；请重启平台使其生效`, json: { newKeyId, file } };
}
