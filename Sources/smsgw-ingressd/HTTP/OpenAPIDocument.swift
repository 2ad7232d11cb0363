/// docs/openapi.yaml, embedded by scripts/embed-openapi (do not edit here): the contract of
/// the HTTP API, served at GET /api/v1/openapi.yaml.
enum OpenAPIDocument {
    static let yaml = #"""
openapi: 3.0.3
info:
  title: smsgw HTTP API
  version: "1.0"
  description: |
    The HTTP API of smsgw-ingressd (docs/ingressd.md, "HTTP API"): send messages, follow
    them, cancel them, read inbound messages. Every /api/v1 call but this document needs
    `Authorization: Bearer <API key>` (accounts[].http.api_keys). Errors are
    `{"error":{"code":"…","message":"…"}}`. Kannel-compatible /cgi-bin/sendsms, /metrics and
    /healthz are described too.
servers:
  - url: /
components:
  securitySchemes:
    bearer:
      type: http
      scheme: bearer
  headers:
    RetryAfter:
      description: Seconds to wait before trying again.
      schema:
        type: integer
        minimum: 1
  schemas:
    Error:
      type: object
      required: [error]
      properties:
        error:
          type: object
          required: [code, message]
          properties:
            code:
              type: string
            message:
              type: string
    MessageRequest:
      type: object
      additionalProperties: false
      required: [to, text]
      properties:
        to:
          type: string
          description: The destination, "+" and digits (international) or digits.
          pattern: '^\+?[0-9]{1,20}$'
        text:
          type: string
          minLength: 1
          maxLength: 1600
        from:
          type: string
          description: A number, or a name of 1 to 11 letters, digits, spaces or . _ & -
          pattern: '^(\+?[0-9]{1,20}|[A-Za-z0-9 ._&-]{1,11})$'
        class:
          type: string
          enum: [otp, transactional, marketing]
        priority:
          type: integer
          minimum: 0
          maximum: 3
        validity:
          description: Seconds (1 to 604800), or a duration such as "30m", "2h", "7d" (at most 7 days).
          oneOf:
            - type: integer
              minimum: 1
              maximum: 604800
            - type: string
              pattern: '^([1-9][0-9]{0,4}s|[1-9][0-9]{0,3}m|[1-9][0-9]?h|[1-7]d)$'
        schedule:
          type: string
          format: date-time
          description: Not sent before this time (RFC 3339); a past time is now.
        client_id:
          type: string
          minLength: 1
          maxLength: 64
          description: Idempotency key; the same client_id with the same content answers the same id.
        report:
          type: boolean
          default: true
    Accepted:
      type: object
      required: [id, parts, state]
      properties:
        id:
          type: string
        parts:
          type: integer
          minimum: 1
          maximum: 255
        state:
          type: string
          enum: [queued, held]
    Stored:
      description: The message an earlier request with the same client_id stored, as it is now.
      type: object
      required: [id, parts, state]
      properties:
        id:
          type: string
        parts:
          type: integer
          minimum: 1
          maximum: 255
        state:
          type: string
          enum: [accepted, queued, held, sending, sent, delivered, failed, expired, unknown, cancelled]
    BatchRequest:
      type: object
      additionalProperties: false
      required: [messages]
      properties:
        messages:
          type: array
          minItems: 1
          maxItems: 1000
          items:
            $ref: '#/components/schemas/MessageRequest'
    BatchResponse:
      type: object
      required: [results]
      properties:
        results:
          type: array
          items:
            type: object
            required: [index, status]
            properties:
              index:
                type: integer
              status:
                type: integer
              id:
                type: string
              parts:
                type: integer
              state:
                type: string
              error:
                type: object
                required: [code, message]
                properties:
                  code:
                    type: string
                  message:
                    type: string
    MessageStatus:
      type: object
      required: [id, state, to, from, class, priority, created_at, updated_at, not_before, expires_at, parts, history]
      properties:
        id:
          type: string
        state:
          type: string
          enum: [accepted, queued, held, sending, sent, delivered, failed, expired, unknown, cancelled]
        to:
          type: string
        from:
          type: string
        class:
          type: string
        priority:
          type: integer
        client_id:
          type: string
        created_at:
          type: string
          format: date-time
        updated_at:
          type: string
          format: date-time
        not_before:
          type: string
          format: date-time
        expires_at:
          type: string
          format: date-time
        parts:
          type: array
          items:
            type: object
            required: [seq, state]
            properties:
              seq:
                type: integer
              state:
                type: string
              sent_at:
                type: string
                format: date-time
              delivered_at:
                type: string
                format: date-time
              error_code:
                type: integer
        history:
          type: array
          items:
            type: object
            required: [at, state, actor, detail]
            properties:
              at:
                type: string
                format: date-time
              state:
                type: string
              actor:
                type: string
              detail:
                type: string
    Cancelled:
      type: object
      required: [id, state]
      properties:
        id:
          type: string
        state:
          type: string
          enum: [cancelled]
    InboundPage:
      type: object
      required: [messages, next_since_id]
      properties:
        messages:
          type: array
          items:
            type: object
            required: [id, from, text, received_at]
            properties:
              id:
                type: string
              from:
                type: string
              text:
                type: string
              received_at:
                type: string
                format: date-time
        next_since_id:
          type: string
    KannelSendSMS:
      type: object
      properties:
        username: {type: string}
        password: {type: string}
        from: {type: string}
        to: {type: string, description: "Recipients separated by spaces or commas."}
        text: {type: string}
        charset: {type: string, enum: [UTF-8, ISO-8859-1]}
        coding: {type: integer, enum: [0, 2]}
        mclass: {type: integer, minimum: 0, maximum: 3}
        validity: {type: integer, minimum: 1, maximum: 10080, description: Minutes.}
        deferred: {type: integer, minimum: 0, maximum: 527040, description: Minutes.}
        priority: {type: integer, minimum: 0, maximum: 3}
        dlr-mask: {type: integer, minimum: 0, maximum: 63}
        dlr-url: {type: string}
  responses:
    Error400:
      description: Malformed request.
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/Error'
    Error401:
      description: Missing or unknown API key.
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/Error'
    Error403:
      description: The account is disabled or may not do this.
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/Error'
    Error404:
      description: No such message of this account.
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/Error'
    Error413:
      description: The body is larger than 1 MiB.
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/Error'
    Error415:
      description: The body is not JSON.
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/Error'
    Error429:
      description: Over the account's throughput.
      headers:
        Retry-After:
          $ref: '#/components/headers/RetryAfter'
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/Error'
    Error503:
      description: The store or the queue cannot be reached.
      headers:
        Retry-After:
          $ref: '#/components/headers/RetryAfter'
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/Error'
    Kannel:
      description: Kannel's one-line answer.
      content:
        text/html:
          schema:
            type: string
security:
  - bearer: []
paths:
  /api/v1/messages:
    post:
      summary: Send one message.
      operationId: sendMessage
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/MessageRequest'
      responses:
        "202":
          description: Stored; it will be sent.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Accepted'
        "200":
          description: A retry of an earlier request with the same client_id and content; the message it stored, with its parts and state now.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Stored'
        "400":
          $ref: '#/components/responses/Error400'
        "401":
          $ref: '#/components/responses/Error401'
        "403":
          $ref: '#/components/responses/Error403'
        "409":
          description: The client_id was used for a message with other content.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Error'
        "413":
          $ref: '#/components/responses/Error413'
        "415":
          $ref: '#/components/responses/Error415'
        "422":
          description: The text cannot be sent (more than 255 parts).
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Error'
        "429":
          $ref: '#/components/responses/Error429'
        "503":
          $ref: '#/components/responses/Error503'
  /api/v1/messages/batch:
    post:
      summary: Send up to 1,000 messages; one result per item.
      operationId: sendBatch
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/BatchRequest'
      responses:
        "207":
          description: One result per item, in order.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/BatchResponse'
        "400":
          $ref: '#/components/responses/Error400'
        "401":
          $ref: '#/components/responses/Error401'
        "403":
          $ref: '#/components/responses/Error403'
        "413":
          $ref: '#/components/responses/Error413'
        "415":
          $ref: '#/components/responses/Error415'
        "429":
          $ref: '#/components/responses/Error429'
  /api/v1/messages/{id}:
    parameters:
      - name: id
        in: path
        required: true
        schema:
          type: string
    get:
      summary: A message of this account, its parts and history.
      operationId: getMessage
      responses:
        "200":
          description: The message.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/MessageStatus'
        "401":
          $ref: '#/components/responses/Error401'
        "403":
          $ref: '#/components/responses/Error403'
        "404":
          $ref: '#/components/responses/Error404'
        "503":
          $ref: '#/components/responses/Error503'
    delete:
      summary: Cancel a message that is still waiting (queued or held).
      operationId: cancelMessage
      responses:
        "200":
          description: Cancelled.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Cancelled'
        "401":
          $ref: '#/components/responses/Error401'
        "403":
          $ref: '#/components/responses/Error403'
        "404":
          $ref: '#/components/responses/Error404'
        "409":
          description: Already being sent, or final.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Error'
        "503":
          $ref: '#/components/responses/Error503'
  /api/v1/inbound:
    get:
      summary: Inbound messages routed to this account, oldest first.
      operationId: listInbound
      parameters:
        - name: since_id
          in: query
          schema:
            type: integer
            minimum: 0
            maximum: 9223372036854775807
        - name: limit
          in: query
          schema:
            type: integer
            minimum: 1
            maximum: 1000
            default: 100
      responses:
        "200":
          description: A page of inbound messages.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/InboundPage'
        "400":
          $ref: '#/components/responses/Error400'
        "401":
          $ref: '#/components/responses/Error401'
        "403":
          $ref: '#/components/responses/Error403'
        "503":
          $ref: '#/components/responses/Error503'
  /api/v1/openapi.yaml:
    get:
      summary: This document.
      operationId: getOpenAPI
      security: []
      responses:
        "200":
          description: The OpenAPI document.
          content:
            application/yaml:
              schema:
                type: string
  /cgi-bin/sendsms:
    get:
      summary: Kannel-compatible sendsms (user guide, "sendsms" parameters).
      operationId: kannelSendSMS
      security: []
      parameters:
        - {name: username, in: query, schema: {type: string}}
        - {name: password, in: query, schema: {type: string}}
        - {name: from, in: query, schema: {type: string}}
        - {name: to, in: query, schema: {type: string}, description: "Recipients separated by spaces or commas."}
        - {name: text, in: query, schema: {type: string}}
        - {name: charset, in: query, schema: {type: string, enum: [UTF-8, ISO-8859-1]}}
        - {name: coding, in: query, schema: {type: integer, enum: [0, 2]}}
        - {name: mclass, in: query, schema: {type: integer, minimum: 0, maximum: 3}}
        - {name: validity, in: query, schema: {type: integer, minimum: 1, maximum: 10080}, description: Minutes.}
        - {name: deferred, in: query, schema: {type: integer, minimum: 0, maximum: 527040}, description: Minutes.}
        - {name: priority, in: query, schema: {type: integer, minimum: 0, maximum: 3}}
        - {name: dlr-mask, in: query, schema: {type: integer, minimum: 0, maximum: 63}}
        - {name: dlr-url, in: query, schema: {type: string}}
      responses:
        "202":
          $ref: '#/components/responses/Kannel'
        "400":
          $ref: '#/components/responses/Kannel'
        "403":
          $ref: '#/components/responses/Kannel'
        "429":
          $ref: '#/components/responses/Kannel'
        "503":
          $ref: '#/components/responses/Kannel'
    post:
      summary: Kannel-compatible sendsms with the fields in a form body (they win over the query).
      operationId: kannelSendSMSPost
      security: []
      requestBody:
        content:
          application/x-www-form-urlencoded:
            schema:
              $ref: '#/components/schemas/KannelSendSMS'
          text/plain:
            schema:
              type: string
              description: The text; the other fields in the query.
      responses:
        "202":
          $ref: '#/components/responses/Kannel'
        "400":
          $ref: '#/components/responses/Kannel'
        "403":
          $ref: '#/components/responses/Kannel'
        "429":
          $ref: '#/components/responses/Kannel'
        "503":
          $ref: '#/components/responses/Kannel'
  /healthz:
    get:
      summary: Whether the store answers.
      operationId: health
      security: []
      responses:
        "200":
          description: Healthy.
          content:
            application/json:
              schema:
                type: object
                required: [status]
                properties:
                  status:
                    type: string
                    enum: [ok]
        "503":
          description: The store does not answer.
          content:
            application/json:
              schema:
                type: object
                required: [status]
                properties:
                  status:
                    type: string
  /metrics:
    get:
      summary: Prometheus text exposition 0.0.4.
      operationId: metrics
      security: []
      responses:
        "200":
          description: Every metric of smsgw-ingressd and the store's counts.
          content:
            text/plain:
              schema:
                type: string

"""#
}
