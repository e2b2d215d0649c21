import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorDetail } from './errors';

const WHERE = { body: '请求内容', querystring: '查询参数', params: '路径参数', headers: '请求头' } as const;

/** `/login` -> `login`, `/rows/3/name` -> `rows.3.name`. */
const fieldOf = (instancePath: string) => instancePath.replace(/^\//, '').replaceAll('/', '.');

/** Renders every failure as `{ error: { code, message, field?, details?, requestId } }`. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const requestId = request.id;
    if (error instanceof AppError) {
      return reply.status(error.status).send({
        error: { code: error.code, message: error.message, field: error.field, details: error.details, requestId },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details: ErrorDetail[] = error.validation.map((issue) => ({
        field: fieldOf(issue.instancePath),
        code: String(issue.keyword),
        message: issue.message ?? '取值无效',
      }));
      const first = details[0];
      const where = WHERE[error.validationContext as keyof typeof WHERE] ?? '请求';
      return reply.status(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: first?.field ? `${where}字段「${first.field}」有误：${first.message}` : `${where}有误：${first?.message ?? ''}`,
          field: first?.field || undefined,
          details,
          requestId,
        },
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.status(500).send({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试', requestId } });
    }
    // Fastify's own 4xx (malformed JSON, unsupported media type, body too large …).
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 429 ? 'RATE_LIMITED' : 'BAD_REQUEST';
    const message =
      status === 413 ? '请求内容过大' : status === 415 ? '不支持的内容类型，请以 JSON 提交' : `请求格式有误：${error.message}`;
    return reply.status(status).send({ error: { code, message, requestId } });
  });
}
