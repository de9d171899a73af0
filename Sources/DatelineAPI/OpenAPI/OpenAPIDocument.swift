/// The OpenAPI 3.1 document of the API, served at `/openapi.json`. Compiled into the binary so every build
/// serves it (no resource folder to lose). Kept true by OpenAPITests: every route the router knows is here,
/// and every path here answers as documented; `make test` also runs schemathesis against it.
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Dateline API",
    "version": "1",
    "summary": "An HTTP JSON API for news articles.",
    "description": "The contract is docs/API.md; this document describes the same API. Bodies are UTF-8 JSON; every error is an RFC 9457 problem document (`application/problem+json`, `Cache-Control: no-store`). Every answer carries `Date` and `X-Request-ID`, and `Content-Length` except on 204, 304 and streams. `HEAD` works wherever `GET` does. A request that presents credentials must present valid ones: a wrong token is a 401 on any route. Answers of at least 1 KiB of a compressible type are gzip-compressed when `Accept-Encoding` allows it (`Vary: Accept-Encoding`; the gzip form has its own strong ETag). HTTP/1.1, HTTP/1.0 and HTTP/2 cleartext (prior knowledge or `Upgrade: h2c`) are served on the same port: the transport changes nothing here. Limits (each configurable): request line 8 KiB (414), header block 16 KiB or 100 fields (431), body 1 MiB (413), header read timeout 10 s (408 and close)."
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "tags": [
    {
      "name": "articles"
    },
    {
      "name": "facets"
    },
    {
      "name": "writing",
      "description": "Editors only: `Authorization: Bearer <token>`."
    },
    {
      "name": "operations"
    },
    {
      "name": "static"
    }
  ],
  "paths": {
    "/articles": {
      "get": {
        "operationId": "listArticles",
        "summary": "List, filter and search articles",
        "description": "Readers see only published articles whose `publishedAt` has passed; editors see the same unless they pass `status`. Newest first without `q`, by relevance with it. Parameters beginning with `_` are ignored (cache busters); any other unknown parameter is a 400 naming it.",
        "tags": [
          "articles"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/q"
          },
          {
            "$ref": "#/components/parameters/category"
          },
          {
            "$ref": "#/components/parameters/tag"
          },
          {
            "$ref": "#/components/parameters/author"
          },
          {
            "$ref": "#/components/parameters/lang"
          },
          {
            "$ref": "#/components/parameters/breaking"
          },
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          },
          {
            "$ref": "#/components/parameters/sort"
          },
          {
            "$ref": "#/components/parameters/listLimit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/page"
          },
          {
            "$ref": "#/components/parameters/fields"
          },
          {
            "$ref": "#/components/parameters/status"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of articles.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Content-Encoding": {
                "$ref": "#/components/headers/Content-Encoding"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              },
              "X-Total-Count": {
                "$ref": "#/components/headers/X-Total-Count"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            },
            "content": {
              "application/json; charset=utf-8": {
                "schema": {
                  "$ref": "#/components/schemas/ArticleList"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "head": {
        "operationId": "listArticlesHead",
        "summary": "HEAD of list, filter and search articles",
        "description": "The GET's status and headers, with no body.",
        "tags": [
          "articles"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/q"
          },
          {
            "$ref": "#/components/parameters/category"
          },
          {
            "$ref": "#/components/parameters/tag"
          },
          {
            "$ref": "#/components/parameters/author"
          },
          {
            "$ref": "#/components/parameters/lang"
          },
          {
            "$ref": "#/components/parameters/breaking"
          },
          {
            "$ref": "#/components/parameters/from"
          },
          {
            "$ref": "#/components/parameters/to"
          },
          {
            "$ref": "#/components/parameters/sort"
          },
          {
            "$ref": "#/components/parameters/listLimit"
          },
          {
            "$ref": "#/components/parameters/cursor"
          },
          {
            "$ref": "#/components/parameters/page"
          },
          {
            "$ref": "#/components/parameters/fields"
          },
          {
            "$ref": "#/components/parameters/status"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "A page of articles.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Content-Encoding": {
                "$ref": "#/components/headers/Content-Encoding"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              },
              "X-Total-Count": {
                "$ref": "#/components/headers/X-Total-Count"
              },
              "Link": {
                "$ref": "#/components/headers/Link"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "post": {
        "operationId": "createArticle",
        "summary": "Create an article",
        "tags": [
          "writing"
        ],
        "security": [
          {
            "editorToken": []
          }
        ],
        "description": "Editors only. The slug is derived from the title unless given. Takes no query parameters.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Idempotency-Key"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ArticleInput"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Created.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              },
              "Location": {
                "$ref": "#/components/headers/Location"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Last-Modified": {
                "$ref": "#/components/headers/Last-Modified"
              },
              "Idempotent-Replayed": {
                "$ref": "#/components/headers/Idempotent-Replayed"
              }
            },
            "content": {
              "application/json; charset=utf-8": {
                "schema": {
                  "$ref": "#/components/schemas/Article"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowed"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "options": {
        "operationId": "articlesPreflight",
        "summary": "CORS preflight",
        "tags": [
          "articles"
        ],
        "security": [
          {}
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Origin"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Method"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Headers"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          }
        ],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenOrigin"
          }
        }
      }
    },
    "/articles/{ref}": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ref"
        }
      ],
      "get": {
        "operationId": "showArticle",
        "summary": "One article by id or slug",
        "description": "Readers get 404 for an article they may not see; editors can read any article.",
        "tags": [
          "articles"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/fields"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Modified-Since"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "The article (every field, or those in `fields`).",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Content-Encoding": {
                "$ref": "#/components/headers/Content-Encoding"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              },
              "Last-Modified": {
                "$ref": "#/components/headers/Last-Modified"
              }
            },
            "content": {
              "application/json; charset=utf-8": {
                "schema": {
                  "$ref": "#/components/schemas/Article"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "head": {
        "operationId": "showArticleHead",
        "summary": "HEAD of one article by id or slug",
        "description": "The GET's status and headers, with no body.",
        "tags": [
          "articles"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/fields"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Modified-Since"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "The article (every field, or those in `fields`).",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Content-Encoding": {
                "$ref": "#/components/headers/Content-Encoding"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              },
              "Last-Modified": {
                "$ref": "#/components/headers/Last-Modified"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "put": {
        "operationId": "replaceArticle",
        "summary": "Replace an article",
        "tags": [
          "writing"
        ],
        "security": [
          {
            "editorToken": []
          }
        ],
        "description": "The whole article is replaced; `id` and `createdAt` are kept, as are `slug` and `publishedAt` when left out.",
        "parameters": [
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ArticleInput"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The article as stored.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Last-Modified": {
                "$ref": "#/components/headers/Last-Modified"
              }
            },
            "content": {
              "application/json; charset=utf-8": {
                "schema": {
                  "$ref": "#/components/schemas/Article"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowed"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "patch": {
        "operationId": "patchArticle",
        "summary": "Change some fields of an article",
        "tags": [
          "writing"
        ],
        "security": [
          {
            "editorToken": []
          }
        ],
        "description": "JSON Merge Patch (RFC 7396).",
        "parameters": [
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/merge-patch+json": {
              "schema": {
                "$ref": "#/components/schemas/ArticlePatch"
              }
            },
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ArticlePatch"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The article as stored.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Last-Modified": {
                "$ref": "#/components/headers/Last-Modified"
              }
            },
            "content": {
              "application/json; charset=utf-8": {
                "schema": {
                  "$ref": "#/components/schemas/Article"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowed"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "413": {
            "$ref": "#/components/responses/ContentTooLarge"
          },
          "415": {
            "$ref": "#/components/responses/UnsupportedMediaType"
          },
          "422": {
            "$ref": "#/components/responses/UnprocessableContent"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "delete": {
        "operationId": "deleteArticle",
        "summary": "Delete an article",
        "tags": [
          "writing"
        ],
        "security": [
          {
            "editorToken": []
          }
        ],
        "description": "The article is gone for everyone.",
        "parameters": [
          {
            "$ref": "#/components/parameters/If-Match"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "204": {
            "description": "Deleted.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "405": {
            "$ref": "#/components/responses/MethodNotAllowed"
          },
          "409": {
            "$ref": "#/components/responses/Conflict"
          },
          "412": {
            "$ref": "#/components/responses/PreconditionFailed"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "options": {
        "operationId": "articlePreflight",
        "summary": "CORS preflight",
        "tags": [
          "articles"
        ],
        "security": [
          {}
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Origin"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Method"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Headers"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          }
        ],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenOrigin"
          }
        }
      }
    },
    "/articles/{ref}/related": {
      "parameters": [
        {
          "$ref": "#/components/parameters/ref"
        }
      ],
      "get": {
        "operationId": "relatedArticles",
        "summary": "The \"Also Read\" rail of an article",
        "description": "The editor's `related` articles first, then others ranked by shared tags, same category and recency; never the article itself, only what a reader may see (for editors too). Same envelope as the list, without pagination.",
        "tags": [
          "articles"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/relatedLimit"
          },
          {
            "$ref": "#/components/parameters/fields"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "The rail.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Content-Encoding": {
                "$ref": "#/components/headers/Content-Encoding"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            },
            "content": {
              "application/json; charset=utf-8": {
                "schema": {
                  "$ref": "#/components/schemas/RelatedList"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "head": {
        "operationId": "relatedArticlesHead",
        "summary": "HEAD of the \"Also Read\" rail of an article",
        "description": "The GET's status and headers, with no body.",
        "tags": [
          "articles"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/relatedLimit"
          },
          {
            "$ref": "#/components/parameters/fields"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "The rail.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Content-Encoding": {
                "$ref": "#/components/headers/Content-Encoding"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "options": {
        "operationId": "relatedPreflight",
        "summary": "CORS preflight",
        "tags": [
          "articles"
        ],
        "security": [
          {}
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Origin"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Method"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Headers"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          }
        ],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenOrigin"
          }
        }
      }
    },
    "/categories": {
      "get": {
        "operationId": "categories",
        "summary": "Categories with article counts",
        "description": "Facet over what readers can see: most articles first, then by name. Takes no query parameters (any is a 400 naming it).",
        "tags": [
          "facets"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "Categories and counts.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Content-Encoding": {
                "$ref": "#/components/headers/Content-Encoding"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            },
            "content": {
              "application/json; charset=utf-8": {
                "schema": {
                  "$ref": "#/components/schemas/FacetList"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "head": {
        "operationId": "categoriesHead",
        "summary": "HEAD of categories with article counts",
        "description": "The GET's status and headers, with no body.",
        "tags": [
          "facets"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "Categories and counts.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Content-Encoding": {
                "$ref": "#/components/headers/Content-Encoding"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "options": {
        "operationId": "categoriesPreflight",
        "summary": "CORS preflight",
        "tags": [
          "facets"
        ],
        "security": [
          {}
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Origin"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Method"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Headers"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          }
        ],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenOrigin"
          }
        }
      }
    },
    "/tags": {
      "get": {
        "operationId": "tags",
        "summary": "Tags with article counts",
        "description": "Facet over what readers can see: most articles first, then by name.",
        "tags": [
          "facets"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/tagLimit"
          },
          {
            "$ref": "#/components/parameters/tagPrefix"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "Tags and counts.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Content-Encoding": {
                "$ref": "#/components/headers/Content-Encoding"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            },
            "content": {
              "application/json; charset=utf-8": {
                "schema": {
                  "$ref": "#/components/schemas/FacetList"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "head": {
        "operationId": "tagsHead",
        "summary": "HEAD of tags with article counts",
        "description": "The GET's status and headers, with no body.",
        "tags": [
          "facets"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/tagLimit"
          },
          {
            "$ref": "#/components/parameters/tagPrefix"
          },
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "Tags and counts.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Content-Encoding": {
                "$ref": "#/components/headers/Content-Encoding"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "options": {
        "operationId": "tagsPreflight",
        "summary": "CORS preflight",
        "tags": [
          "facets"
        ],
        "security": [
          {}
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Origin"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Method"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Headers"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          }
        ],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenOrigin"
          }
        }
      }
    },
    "/authors": {
      "get": {
        "operationId": "authors",
        "summary": "Authors with article counts",
        "description": "Facet over what readers can see: most articles first, then by name. Takes no query parameters (any is a 400 naming it).",
        "tags": [
          "facets"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "Authors and counts.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Content-Encoding": {
                "$ref": "#/components/headers/Content-Encoding"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            },
            "content": {
              "application/json; charset=utf-8": {
                "schema": {
                  "$ref": "#/components/schemas/FacetList"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "head": {
        "operationId": "authorsHead",
        "summary": "HEAD of authors with article counts",
        "description": "The GET's status and headers, with no body.",
        "tags": [
          "facets"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "Authors and counts.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Content-Encoding": {
                "$ref": "#/components/headers/Content-Encoding"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "options": {
        "operationId": "authorsPreflight",
        "summary": "CORS preflight",
        "tags": [
          "facets"
        ],
        "security": [
          {}
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Origin"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Method"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Headers"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          }
        ],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenOrigin"
          }
        }
      }
    },
    "/events": {
      "get": {
        "operationId": "events",
        "summary": "Live changes readers can see (Server-Sent Events)",
        "description": "A `text/event-stream` of `published`, `updated` and `deleted` events, each with an `id:` line and one `data:` line of JSON (ArticleEventData). An article leaving readers' sight (unpublished, archived, deleted, rescheduled into the future) is a `deleted` event; a scheduled article's `published` event goes out when it becomes visible. A client that reconnects with `Last-Event-ID` gets what it missed from the backlog (default: the last 1,000 events), or first a `reset` event (data `{}`: refetch what you show) when its id is too old or unknown. A comment line every 15 seconds keeps idle proxies from closing it. The answer has `Connection: close` and no `Content-Length`; `HEAD` answers the head only.",
        "tags": [
          "operations"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/eventsBreaking"
          },
          {
            "$ref": "#/components/parameters/Last-Event-ID"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "The stream; it does not end while the server serves.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            },
            "content": {
              "text/event-stream": {
                "schema": {
                  "type": "string"
                },
                "example": "id: 5f3a9c1e0b2d4e6f-1\nevent: published\ndata: {\"id\":\"a1b2c3d4e5\",\"slug\":\"floods\",\"title\":\"Floods\",\"breaking\":true,\"publishedAt\":\"2025-09-06T07:00:00Z\"}\n\n"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "head": {
        "operationId": "eventsHead",
        "summary": "HEAD of live changes readers can see (Server-Sent Events)",
        "description": "The GET's status and headers, with no body.",
        "tags": [
          "operations"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/eventsBreaking"
          },
          {
            "$ref": "#/components/parameters/Last-Event-ID"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "The stream; it does not end while the server serves.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "options": {
        "operationId": "eventsPreflight",
        "summary": "CORS preflight",
        "tags": [
          "operations"
        ],
        "security": [
          {}
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Origin"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Method"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Headers"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          }
        ],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenOrigin"
          }
        }
      }
    },
    "/health": {
      "get": {
        "operationId": "health",
        "summary": "Liveness",
        "description": "200 while the process serves. Takes no parameters (other routes ignore query parameters).",
        "tags": [
          "operations"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "Alive.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            },
            "content": {
              "application/json; charset=utf-8": {
                "schema": {
                  "$ref": "#/components/schemas/Health"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "head": {
        "operationId": "healthHead",
        "summary": "HEAD of liveness",
        "description": "The GET's status and headers, with no body.",
        "tags": [
          "operations"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "Alive.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "options": {
        "operationId": "healthPreflight",
        "summary": "CORS preflight",
        "tags": [
          "operations"
        ],
        "security": [
          {}
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Origin"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Method"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Headers"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          }
        ],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenOrigin"
          }
        }
      }
    },
    "/ready": {
      "get": {
        "operationId": "ready",
        "summary": "Readiness",
        "description": "200 when the store answers and the server is not draining; 503 otherwise (at once on SIGTERM/SIGINT, for the grace period before the server stops accepting).",
        "tags": [
          "operations"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "Ready for traffic.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            },
            "content": {
              "application/json; charset=utf-8": {
                "schema": {
                  "$ref": "#/components/schemas/Ready"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "head": {
        "operationId": "readyHead",
        "summary": "HEAD of readiness",
        "description": "The GET's status and headers, with no body.",
        "tags": [
          "operations"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "Ready for traffic.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "503": {
            "$ref": "#/components/responses/ServiceUnavailable"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "options": {
        "operationId": "readyPreflight",
        "summary": "CORS preflight",
        "tags": [
          "operations"
        ],
        "security": [
          {}
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Origin"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Method"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Headers"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          }
        ],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenOrigin"
          }
        }
      }
    },
    "/metrics": {
      "get": {
        "operationId": "metrics",
        "summary": "Prometheus metrics",
        "description": "The Prometheus text exposition (version 0.0.4): `http_requests_total{method,route,status}` (route is the template, such as `/articles/{ref}`), `http_request_duration_seconds` histograms by route, open connections by protocol, request and response bytes, rejected connections and requests by reason, response cache hits and misses, articles by status, store operation latency and `/events` subscribers. The README lists every series.",
        "tags": [
          "operations"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "The exposition.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            },
            "content": {
              "text/plain; version=0.0.4; charset=utf-8": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "head": {
        "operationId": "metricsHead",
        "summary": "HEAD of prometheus metrics",
        "description": "The GET's status and headers, with no body.",
        "tags": [
          "operations"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "The exposition.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "options": {
        "operationId": "metricsPreflight",
        "summary": "CORS preflight",
        "tags": [
          "operations"
        ],
        "security": [
          {}
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Origin"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Method"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Headers"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          }
        ],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenOrigin"
          }
        }
      }
    },
    "/openapi.json": {
      "get": {
        "operationId": "openapi",
        "summary": "This document",
        "description": "The OpenAPI 3.1 document of this API.",
        "tags": [
          "operations"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "The document.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Content-Encoding": {
                "$ref": "#/components/headers/Content-Encoding"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            },
            "content": {
              "application/json; charset=utf-8": {
                "schema": {
                  "type": "object",
                  "required": [
                    "openapi",
                    "info",
                    "paths"
                  ]
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "head": {
        "operationId": "openapiHead",
        "summary": "HEAD of this document",
        "description": "The GET's status and headers, with no body.",
        "tags": [
          "operations"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "The document.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Content-Encoding": {
                "$ref": "#/components/headers/Content-Encoding"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "options": {
        "operationId": "openapiPreflight",
        "summary": "CORS preflight",
        "tags": [
          "operations"
        ],
        "security": [
          {}
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Origin"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Method"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Headers"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          }
        ],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenOrigin"
          }
        }
      }
    },
    "/": {
      "get": {
        "operationId": "index",
        "summary": "The reader frontend",
        "description": "`index.html` of the public folder.",
        "tags": [
          "static"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Modified-Since"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "The file, with the `Content-Type` of its extension.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Content-Encoding": {
                "$ref": "#/components/headers/Content-Encoding"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              },
              "Last-Modified": {
                "$ref": "#/components/headers/Last-Modified"
              }
            },
            "content": {
              "*/*": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "404": {
            "description": "No such file under the public folder (nothing outside it is ever served).",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "head": {
        "operationId": "indexHead",
        "summary": "HEAD of the reader frontend",
        "description": "The GET's status and headers, with no body.",
        "tags": [
          "static"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Modified-Since"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "The file, with the `Content-Type` of its extension.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Content-Encoding": {
                "$ref": "#/components/headers/Content-Encoding"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              },
              "Last-Modified": {
                "$ref": "#/components/headers/Last-Modified"
              }
            }
          },
          "404": {
            "description": "No such file under the public folder (nothing outside it is ever served).",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "options": {
        "operationId": "indexPreflight",
        "summary": "CORS preflight",
        "tags": [
          "static"
        ],
        "security": [
          {}
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Origin"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Method"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Headers"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          }
        ],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenOrigin"
          }
        }
      }
    },
    "/{file}": {
      "parameters": [
        {
          "name": "file",
          "in": "path",
          "required": true,
          "description": "A file of the public folder (a folder serves its `index.html`). Hidden names, `.` and `..` are never served.",
          "schema": {
            "type": "string",
            "minLength": 1
          },
          "example": "index.html"
        }
      ],
      "get": {
        "operationId": "staticFile",
        "summary": "A static file",
        "description": "Any other GET path is a file from the public folder.",
        "tags": [
          "static"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Modified-Since"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "The file, with the `Content-Type` of its extension.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Content-Encoding": {
                "$ref": "#/components/headers/Content-Encoding"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              },
              "Last-Modified": {
                "$ref": "#/components/headers/Last-Modified"
              }
            },
            "content": {
              "*/*": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "404": {
            "description": "No such file under the public folder (nothing outside it is ever served).",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            },
            "content": {
              "application/problem+json": {
                "schema": {
                  "$ref": "#/components/schemas/Problem"
                }
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "head": {
        "operationId": "staticFileHead",
        "summary": "HEAD of a static file",
        "description": "The GET's status and headers, with no body.",
        "tags": [
          "static"
        ],
        "security": [
          {},
          {
            "editorToken": []
          }
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/If-None-Match"
          },
          {
            "$ref": "#/components/parameters/If-Modified-Since"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          },
          {
            "$ref": "#/components/parameters/Accept-Encoding"
          },
          {
            "$ref": "#/components/parameters/Origin"
          }
        ],
        "responses": {
          "200": {
            "description": "The file, with the `Content-Type` of its extension.",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "ETag": {
                "$ref": "#/components/headers/ETag"
              },
              "Vary": {
                "$ref": "#/components/headers/Vary"
              },
              "Content-Encoding": {
                "$ref": "#/components/headers/Content-Encoding"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              },
              "Last-Modified": {
                "$ref": "#/components/headers/Last-Modified"
              }
            }
          },
          "404": {
            "description": "No such file under the public folder (nothing outside it is ever served).",
            "headers": {
              "X-Request-ID": {
                "$ref": "#/components/headers/X-Request-ID"
              },
              "Cache-Control": {
                "$ref": "#/components/headers/Cache-Control"
              },
              "Access-Control-Allow-Origin": {
                "$ref": "#/components/headers/Access-Control-Allow-Origin"
              },
              "Access-Control-Expose-Headers": {
                "$ref": "#/components/headers/Access-Control-Expose-Headers"
              }
            }
          },
          "304": {
            "$ref": "#/components/responses/NotModified"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "414": {
            "$ref": "#/components/responses/URITooLong"
          },
          "431": {
            "$ref": "#/components/responses/RequestHeaderFieldsTooLarge"
          },
          "500": {
            "$ref": "#/components/responses/InternalServerError"
          }
        }
      },
      "options": {
        "operationId": "staticFilePreflight",
        "summary": "CORS preflight",
        "tags": [
          "static"
        ],
        "security": [
          {}
        ],
        "parameters": [
          {
            "$ref": "#/components/parameters/Origin"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Method"
          },
          {
            "$ref": "#/components/parameters/Access-Control-Request-Headers"
          },
          {
            "$ref": "#/components/parameters/X-Request-ID"
          }
        ],
        "responses": {
          "204": {
            "$ref": "#/components/responses/Preflight"
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "403": {
            "$ref": "#/components/responses/ForbiddenOrigin"
          }
        }
      }
    }
  },
  "components": {
    "schemas": {
      "Article": {
        "type": "object",
        "description": "An article. A response without `fields` carries every field (lists: every field but `body`); with `fields` only the fields asked for, so no field is required here. Absent optional values are `null`.",
        "additionalProperties": false,
        "properties": {
          "id": {
            "type": "string",
            "pattern": "^[a-z0-9]{1,32}$",
            "description": "Assigned by the server; opaque; never reused."
          },
          "slug": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "maxLength": 120
          },
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 300
          },
          "summary": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 1000
          },
          "body": {
            "type": "string",
            "minLength": 1,
            "description": "Plain text; paragraphs separated by a blank line; at most 200,000 characters."
          },
          "author": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 120
          },
          "category": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"
          },
          "tags": {
            "type": "array",
            "maxItems": 20,
            "items": {
              "type": "string",
              "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
              "maxLength": 50
            }
          },
          "language": {
            "type": "string",
            "description": "A BCP 47 tag (en, sw, pt-BR)."
          },
          "breaking": {
            "type": "boolean"
          },
          "status": {
            "$ref": "#/components/schemas/ArticleStatus"
          },
          "publishedAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time",
            "description": "When it is (or was) visible to readers; null for a never-published draft."
          },
          "createdAt": {
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 in UTC with a Z, e.g. 2025-09-06T08:30:00Z."
          },
          "updatedAt": {
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 in UTC with a Z, e.g. 2025-09-06T08:30:00Z."
          },
          "related": {
            "type": "array",
            "maxItems": 10,
            "items": {
              "type": "string"
            },
            "description": "Ids of articles an editor chose (\"Also Read\")."
          }
        }
      },
      "ArticleStatus": {
        "type": "string",
        "enum": [
          "draft",
          "published",
          "archived"
        ]
      },
      "ArticleInput": {
        "type": "object",
        "description": "The body of POST and PUT: the article's writable fields. Fields left out take their defaults (PUT keeps `slug` and `publishedAt`). `id`, `createdAt` and `updatedAt` are read-only (422). Lengths count extended grapheme clusters.",
        "additionalProperties": false,
        "required": [
          "title",
          "body",
          "category"
        ],
        "properties": {
          "slug": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "maxLength": 120,
            "description": "Derived from the title when not given; a clash with another article is a 422."
          },
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 300
          },
          "summary": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 1000
          },
          "body": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200000
          },
          "author": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 120
          },
          "category": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"
          },
          "tags": {
            "type": "array",
            "maxItems": 20,
            "uniqueItems": true,
            "items": {
              "type": "string",
              "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
              "maxLength": 50
            }
          },
          "language": {
            "type": "string",
            "default": "en"
          },
          "breaking": {
            "type": "boolean",
            "default": false
          },
          "status": {
            "$ref": "#/components/schemas/ArticleStatus",
            "default": "draft"
          },
          "publishedAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time",
            "description": "Inputs may carry an offset; stored in UTC. Set to now when first published without one; may be in the future (scheduled)."
          },
          "related": {
            "type": "array",
            "maxItems": 10,
            "uniqueItems": true,
            "items": {
              "type": "string"
            }
          }
        }
      },
      "ArticlePatch": {
        "type": "object",
        "description": "A JSON Merge Patch (RFC 7396) of the article: only the fields given change; `null` removes an optional field (`summary`, `author`, `publishedAt`), empties `tags` and `related`, resets `language`, `breaking` and `status` to their defaults and derives `slug` again; `null` on `title`, `body` or `category` is a 422.",
        "additionalProperties": false,
        "properties": {
          "slug": {
            "type": [
              "string",
              "null"
            ],
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "maxLength": 120
          },
          "title": {
            "type": "string",
            "minLength": 1,
            "maxLength": 300
          },
          "summary": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 1000
          },
          "body": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200000
          },
          "author": {
            "type": [
              "string",
              "null"
            ],
            "maxLength": 120
          },
          "category": {
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"
          },
          "tags": {
            "type": [
              "array",
              "null"
            ],
            "maxItems": 20,
            "items": {
              "type": "string",
              "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
              "maxLength": 50
            }
          },
          "language": {
            "type": [
              "string",
              "null"
            ]
          },
          "breaking": {
            "type": [
              "boolean",
              "null"
            ]
          },
          "status": {
            "type": [
              "string",
              "null"
            ],
            "enum": [
              "draft",
              "published",
              "archived",
              null
            ]
          },
          "publishedAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          },
          "related": {
            "type": [
              "array",
              "null"
            ],
            "maxItems": 10,
            "items": {
              "type": "string"
            }
          }
        }
      },
      "CursorMeta": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "total",
          "limit",
          "next"
        ],
        "properties": {
          "total": {
            "type": "integer",
            "minimum": 0,
            "description": "Articles matching the query, on every page."
          },
          "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": 100
          },
          "next": {
            "type": [
              "string",
              "null"
            ],
            "description": "The opaque cursor of the next page; null on the last page."
          }
        }
      },
      "PageMeta": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "total",
          "limit",
          "page",
          "pages"
        ],
        "properties": {
          "total": {
            "type": "integer",
            "minimum": 0
          },
          "limit": {
            "type": "integer",
            "minimum": 1,
            "maximum": 100
          },
          "page": {
            "type": "integer",
            "minimum": 1
          },
          "pages": {
            "type": "integer",
            "minimum": 0,
            "description": "ceil(total / limit); 0 for an empty result."
          }
        }
      },
      "ListLinks": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "self"
        ],
        "description": "`self` is the request as sent; the others keep the client's parameters in order and replace `cursor` or `page`. Cursor mode has `self` and `next` (absent on the last page); page mode has `self`, `first`, `last`, and `prev`/`next` where they exist.",
        "properties": {
          "self": {
            "type": "string",
            "format": "uri-reference"
          },
          "next": {
            "type": "string",
            "format": "uri-reference"
          },
          "prev": {
            "type": "string",
            "format": "uri-reference"
          },
          "first": {
            "type": "string",
            "format": "uri-reference"
          },
          "last": {
            "type": "string",
            "format": "uri-reference"
          }
        }
      },
      "ArticleList": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "data",
          "meta",
          "links"
        ],
        "description": "Without `page` a list is in cursor mode (`meta` is CursorMeta); with `page` in page mode (`meta` is PageMeta).",
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Article"
            }
          },
          "meta": {
            "oneOf": [
              {
                "$ref": "#/components/schemas/CursorMeta"
              },
              {
                "$ref": "#/components/schemas/PageMeta"
              }
            ]
          },
          "links": {
            "$ref": "#/components/schemas/ListLinks"
          }
        }
      },
      "RelatedList": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "data",
          "meta",
          "links"
        ],
        "properties": {
          "data": {
            "type": "array",
            "maxItems": 20,
            "items": {
              "$ref": "#/components/schemas/Article"
            }
          },
          "meta": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "total",
              "limit"
            ],
            "properties": {
              "total": {
                "type": "integer",
                "minimum": 0,
                "description": "The number returned."
              },
              "limit": {
                "type": "integer",
                "minimum": 1,
                "maximum": 20
              }
            }
          },
          "links": {
            "type": "object",
            "additionalProperties": false,
            "required": [
              "self"
            ],
            "properties": {
              "self": {
                "type": "string",
                "format": "uri-reference"
              }
            }
          }
        }
      },
      "FacetList": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "data"
        ],
        "description": "Counts over what readers can see, most articles first, then by name.",
        "properties": {
          "data": {
            "type": "array",
            "items": {
              "type": "object",
              "additionalProperties": false,
              "required": [
                "name",
                "count"
              ],
              "properties": {
                "name": {
                  "type": "string"
                },
                "count": {
                  "type": "integer",
                  "minimum": 1
                }
              }
            }
          }
        }
      },
      "Health": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "status"
        ],
        "properties": {
          "status": {
            "const": "ok"
          }
        }
      },
      "Ready": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "status"
        ],
        "properties": {
          "status": {
            "const": "ready"
          }
        }
      },
      "Problem": {
        "type": "object",
        "required": [
          "type",
          "title",
          "status",
          "detail"
        ],
        "description": "An RFC 9457 problem document. `title` is the status's reason phrase; `detail` a sentence a curl user can act on; `errors` names each bad query parameter or body field.",
        "properties": {
          "type": {
            "const": "about:blank"
          },
          "title": {
            "type": "string"
          },
          "status": {
            "type": "integer",
            "minimum": 400,
            "maximum": 599
          },
          "detail": {
            "type": "string",
            "minLength": 1
          },
          "errors": {
            "type": "array",
            "minItems": 1,
            "items": {
              "oneOf": [
                {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "parameter",
                    "message"
                  ],
                  "properties": {
                    "parameter": {
                      "type": "string"
                    },
                    "message": {
                      "type": "string"
                    }
                  }
                },
                {
                  "type": "object",
                  "additionalProperties": false,
                  "required": [
                    "field",
                    "message"
                  ],
                  "properties": {
                    "field": {
                      "type": "string"
                    },
                    "message": {
                      "type": "string"
                    }
                  }
                }
              ]
            }
          }
        }
      },
      "ArticleEventData": {
        "type": "object",
        "additionalProperties": false,
        "required": [
          "id",
          "slug"
        ],
        "description": "The JSON `data:` line of a `published` or `updated` event (every property), or of a `deleted` event (`id` and `slug` only).",
        "properties": {
          "id": {
            "type": "string"
          },
          "slug": {
            "type": "string"
          },
          "title": {
            "type": "string"
          },
          "breaking": {
            "type": "boolean"
          },
          "publishedAt": {
            "type": [
              "string",
              "null"
            ],
            "format": "date-time"
          }
        }
      }
    },
    "parameters": {
      "ref": {
        "name": "ref",
        "in": "path",
        "required": true,
        "description": "An article's id or slug.",
        "schema": {
          "type": "string",
          "minLength": 1
        },
        "example": "putin-warns-western-troops-in-ukraine-would-be-targets"
      },
      "q": {
        "name": "q",
        "in": "query",
        "required": false,
        "description": "Full-text search over title, summary, body and tags: whole words, case- and diacritic-insensitive, all must match; `\"quoted phrase\"` matches the words in that order. Relevance ranks title matches above summary and tag matches above body matches, then newer first.",
        "schema": {
          "type": "string"
        },
        "example": "drought aid"
      },
      "category": {
        "name": "category",
        "in": "query",
        "required": false,
        "description": "`world`, or `world|africa` (any of).",
        "schema": {
          "type": "string"
        },
        "example": "world"
      },
      "tag": {
        "name": "tag",
        "in": "query",
        "required": false,
        "description": "`russia,ukraine` (all of) or `russia|nato` (any of); in an all-of list a leading `-` excludes (`ukraine,-sport`); a `-` in an any-of list is a 400. A value uses `,` or `|`, not both.",
        "schema": {
          "type": "string"
        },
        "example": "ukraine"
      },
      "author": {
        "name": "author",
        "in": "query",
        "required": false,
        "description": "Exact, case-insensitive; `|` for any of.",
        "schema": {
          "type": "string"
        },
        "example": "staff reporter"
      },
      "lang": {
        "name": "lang",
        "in": "query",
        "required": false,
        "description": "`en`, `sw`, or `en|sw`.",
        "schema": {
          "type": "string"
        },
        "example": "en"
      },
      "breaking": {
        "name": "breaking",
        "in": "query",
        "required": false,
        "description": "Breaking news only (`true`) or none of it (`false`).",
        "schema": {
          "type": "string",
          "enum": [
            "true",
            "false"
          ]
        }
      },
      "from": {
        "name": "from",
        "in": "query",
        "required": false,
        "description": "Published on or after: `YYYY-MM-DD` (whole days, UTC) or RFC 3339. After `to` is a 400.",
        "schema": {
          "type": "string"
        },
        "example": "2025-09-01"
      },
      "to": {
        "name": "to",
        "in": "query",
        "required": false,
        "description": "Published on or before: `YYYY-MM-DD` (whole days, UTC) or RFC 3339.",
        "schema": {
          "type": "string"
        },
        "example": "2025-09-06"
      },
      "sort": {
        "name": "sort",
        "in": "query",
        "required": false,
        "description": "`newest` (default without `q`), `oldest`, `updated` (most recently updated first), `relevance` (default with `q`; only with `q`). Ties are broken by id in the sort's direction.",
        "schema": {
          "type": "string",
          "enum": [
            "newest",
            "oldest",
            "updated",
            "relevance"
          ]
        }
      },
      "listLimit": {
        "name": "limit",
        "in": "query",
        "required": false,
        "description": "Articles per page.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 100,
          "default": 20
        }
      },
      "cursor": {
        "name": "cursor",
        "in": "query",
        "required": false,
        "description": "The opaque `meta.next` of the previous page (keyset pagination, stable while articles are added); not with `page`. Anything the server did not issue is a 400.",
        "schema": {
          "type": "string",
          "pattern": "^[A-Za-z0-9_-]{27,}$"
        }
      },
      "page": {
        "name": "page",
        "in": "query",
        "required": false,
        "description": "1-based page number (offset pagination); not with `cursor`. A page past the last is a 200 with empty `data`.",
        "schema": {
          "type": "integer",
          "minimum": 1
        }
      },
      "fields": {
        "name": "fields",
        "in": "query",
        "required": false,
        "description": "Sparse fieldset: a comma-separated list of article field names, or `*` for every field. Default: every field but `body` in lists, every field for one article. An unknown name is a 400.",
        "schema": {
          "type": "string",
          "pattern": "^(\\*|(id|slug|title|summary|body|author|category|tags|language|breaking|status|publishedAt|createdAt|updatedAt|related)(,(id|slug|title|summary|body|author|category|tags|language|breaking|status|publishedAt|createdAt|updatedAt|related))*)$"
        },
        "example": "id,slug,title"
      },
      "status": {
        "name": "status",
        "in": "query",
        "required": false,
        "description": "Editors only (a reader who sends it gets 401): `draft`, `published` (scheduled ones included), `archived` or `any`.",
        "schema": {
          "type": "string",
          "enum": [
            "draft",
            "published",
            "archived",
            "any"
          ]
        }
      },
      "relatedLimit": {
        "name": "limit",
        "in": "query",
        "required": false,
        "description": "Articles in the rail.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 20,
          "default": 5
        }
      },
      "tagLimit": {
        "name": "limit",
        "in": "query",
        "required": false,
        "description": "Tags at most.",
        "schema": {
          "type": "integer",
          "minimum": 1,
          "maximum": 1000,
          "default": 100
        }
      },
      "tagPrefix": {
        "name": "q",
        "in": "query",
        "required": false,
        "description": "A case-insensitive prefix of the tag (autocomplete); not empty.",
        "schema": {
          "type": "string",
          "minLength": 1
        },
        "example": "su"
      },
      "eventsBreaking": {
        "name": "breaking",
        "in": "query",
        "required": false,
        "description": "`true`: breaking news only (a story that loses its breaking flag is a `deleted` there, one that gains it a `published`).",
        "schema": {
          "type": "string",
          "enum": [
            "true",
            "false"
          ]
        }
      },
      "X-Request-ID": {
        "name": "X-Request-ID",
        "in": "header",
        "required": false,
        "description": "An id for this request: echoed in the answer and carried into every log line of the request when it is 1–128 visible ASCII characters (`!` to `~`); any other value is replaced by a generated id (never refused).",
        "schema": {
          "type": "string"
        }
      },
      "If-None-Match": {
        "name": "If-None-Match",
        "in": "header",
        "required": false,
        "description": "ETags the client holds; a match is a 304 with no body. Wins over If-Modified-Since.",
        "schema": {
          "type": "string"
        }
      },
      "If-Modified-Since": {
        "name": "If-Modified-Since",
        "in": "header",
        "required": false,
        "description": "An HTTP date; a representation not modified since is a 304 (ignored when If-None-Match is sent).",
        "schema": {
          "type": "string"
        }
      },
      "If-Match": {
        "name": "If-Match",
        "in": "header",
        "required": false,
        "description": "The article's ETag (either form) as last read, or `*`; a stale tag is a 412 and nothing changes.",
        "schema": {
          "type": "string"
        }
      },
      "Idempotency-Key": {
        "name": "Idempotency-Key",
        "in": "header",
        "required": false,
        "description": "1–255 visible ASCII characters; a retry with the same key and body gets the first answer (`Idempotent-Replayed: true`). Kept 24 hours, in one process.",
        "schema": {
          "type": "string",
          "pattern": "^[!-~]{1,255}$"
        }
      },
      "Last-Event-ID": {
        "name": "Last-Event-ID",
        "in": "header",
        "required": false,
        "description": "The id of the last event the client saw: it gets what it missed from the backlog, or a `reset` event first when the id is too old or unknown.",
        "schema": {
          "type": "string"
        }
      },
      "Accept-Encoding": {
        "name": "Accept-Encoding",
        "in": "header",
        "required": false,
        "description": "`gzip` (q-values honoured, `gzip;q=0` and `identity` respected); without it the answer is not compressed.",
        "schema": {
          "type": "string"
        }
      },
      "Origin": {
        "name": "Origin",
        "in": "header",
        "required": false,
        "description": "A browser's origin: an allowed one gets `Access-Control-Allow-Origin` and `Access-Control-Expose-Headers`.",
        "schema": {
          "type": "string"
        }
      },
      "Access-Control-Request-Method": {
        "name": "Access-Control-Request-Method",
        "in": "header",
        "required": false,
        "description": "The method a preflighted request will use.",
        "schema": {
          "type": "string"
        }
      },
      "Access-Control-Request-Headers": {
        "name": "Access-Control-Request-Headers",
        "in": "header",
        "required": false,
        "description": "The headers a preflighted request will send.",
        "schema": {
          "type": "string"
        }
      }
    },
    "headers": {
      "X-Request-ID": {
        "description": "The request's id: the client's own when it sent a usable one (1–128 visible ASCII characters), otherwise generated. Every log line of the request carries it.",
        "schema": {
          "type": "string",
          "pattern": "^[!-~]{1,128}$"
        },
        "required": true
      },
      "ETag": {
        "description": "A strong entity tag of the representation's bytes (xxHash64); the gzip form has its own.",
        "schema": {
          "type": "string",
          "pattern": "^\"[^\"]*\"$"
        }
      },
      "Last-Modified": {
        "description": "The article's `updatedAt` (static files: the file's modification time), as an HTTP date.",
        "schema": {
          "type": "string"
        }
      },
      "Cache-Control": {
        "description": "`public, max-age=N` (default 30) on article, list, related and facet answers to readers; `no-cache` on static files and /openapi.json; `no-store` on /events, /health, /ready, /metrics, errors and every answer to an editor.",
        "schema": {
          "type": "string"
        }
      },
      "Vary": {
        "description": "`Accept-Encoding` on answers that have a gzip form; `Origin` when CORS is configured with a list of origins.",
        "schema": {
          "type": "string"
        }
      },
      "Content-Encoding": {
        "description": "`gzip` when the client accepts it and the body is compressible and at least 1 KiB.",
        "schema": {
          "type": "string",
          "enum": [
            "gzip"
          ]
        }
      },
      "X-Total-Count": {
        "description": "Articles matching the query.",
        "schema": {
          "type": "integer",
          "minimum": 0
        }
      },
      "Link": {
        "description": "RFC 8288 links: `rel=\"next\"` when there is a next page; in page mode also `first`, `prev` and `last`.",
        "schema": {
          "type": "string"
        }
      },
      "Location": {
        "description": "`/articles/{id}` of the new article.",
        "schema": {
          "type": "string"
        }
      },
      "WWW-Authenticate": {
        "description": "`Bearer`.",
        "schema": {
          "const": "Bearer"
        },
        "required": true
      },
      "Allow": {
        "description": "The methods the route answers.",
        "schema": {
          "type": "string"
        },
        "required": true
      },
      "Retry-After": {
        "description": "Seconds to wait before retrying.",
        "schema": {
          "type": "integer",
          "minimum": 0
        }
      },
      "Idempotent-Replayed": {
        "description": "`true` on a replayed answer to a retried POST with the same Idempotency-Key and body.",
        "schema": {
          "const": "true"
        }
      },
      "Access-Control-Allow-Origin": {
        "description": "On answers to a request with an allowed `Origin`: `*` by default, or the allowed origin echoed (then with `Access-Control-Allow-Credentials: true` and `Vary: Origin`).",
        "schema": {
          "type": "string"
        }
      },
      "Access-Control-Expose-Headers": {
        "description": "ETag, Link, Location, X-Total-Count, X-Request-ID.",
        "schema": {
          "type": "string"
        }
      },
      "Access-Control-Allow-Methods": {
        "description": "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS.",
        "schema": {
          "type": "string"
        }
      },
      "Access-Control-Allow-Headers": {
        "description": "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, Last-Event-ID, X-Request-ID.",
        "schema": {
          "type": "string"
        }
      },
      "Access-Control-Max-Age": {
        "description": "600.",
        "schema": {
          "type": "integer"
        }
      }
    },
    "responses": {
      "BadRequest": {
        "description": "A bad query parameter (unknown — with a suggestion where one is close —, malformed, out of range, or not valid percent-encoded UTF-8), each named in `errors`; or a malformed request, answered by the server before routing (the connection then closes).",
        "headers": {
          "X-Request-ID": {
            "$ref": "#/components/headers/X-Request-ID"
          },
          "Cache-Control": {
            "$ref": "#/components/headers/Cache-Control"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          },
          "Access-Control-Expose-Headers": {
            "$ref": "#/components/headers/Access-Control-Expose-Headers"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "Credentials were presented and are wrong (any route), a reader sent `status`, or a write has no valid token.",
        "headers": {
          "X-Request-ID": {
            "$ref": "#/components/headers/X-Request-ID"
          },
          "Cache-Control": {
            "$ref": "#/components/headers/Cache-Control"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          },
          "Access-Control-Expose-Headers": {
            "$ref": "#/components/headers/Access-Control-Expose-Headers"
          },
          "WWW-Authenticate": {
            "$ref": "#/components/headers/WWW-Authenticate"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "NotFound": {
        "description": "No article the requester may see has this id or slug (readers never get 403).",
        "headers": {
          "X-Request-ID": {
            "$ref": "#/components/headers/X-Request-ID"
          },
          "Cache-Control": {
            "$ref": "#/components/headers/Cache-Control"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          },
          "Access-Control-Expose-Headers": {
            "$ref": "#/components/headers/Access-Control-Expose-Headers"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "MethodNotAllowed": {
        "description": "The route does not answer this method.",
        "headers": {
          "X-Request-ID": {
            "$ref": "#/components/headers/X-Request-ID"
          },
          "Cache-Control": {
            "$ref": "#/components/headers/Cache-Control"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          },
          "Access-Control-Expose-Headers": {
            "$ref": "#/components/headers/Access-Control-Expose-Headers"
          },
          "Allow": {
            "$ref": "#/components/headers/Allow"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Conflict": {
        "description": "A write lost 8 races in a row, or a request with the same Idempotency-Key is still being answered; retry.",
        "headers": {
          "X-Request-ID": {
            "$ref": "#/components/headers/X-Request-ID"
          },
          "Cache-Control": {
            "$ref": "#/components/headers/Cache-Control"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          },
          "Access-Control-Expose-Headers": {
            "$ref": "#/components/headers/Access-Control-Expose-Headers"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "PreconditionFailed": {
        "description": "`If-Match` names a stale tag: nothing changed.",
        "headers": {
          "X-Request-ID": {
            "$ref": "#/components/headers/X-Request-ID"
          },
          "Cache-Control": {
            "$ref": "#/components/headers/Cache-Control"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          },
          "Access-Control-Expose-Headers": {
            "$ref": "#/components/headers/Access-Control-Expose-Headers"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "ContentTooLarge": {
        "description": "The body is over the limit (default 1 MiB).",
        "headers": {
          "X-Request-ID": {
            "$ref": "#/components/headers/X-Request-ID"
          },
          "Cache-Control": {
            "$ref": "#/components/headers/Cache-Control"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          },
          "Access-Control-Expose-Headers": {
            "$ref": "#/components/headers/Access-Control-Expose-Headers"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "UnsupportedMediaType": {
        "description": "The body is not `application/json` (or `application/merge-patch+json` for PATCH).",
        "headers": {
          "X-Request-ID": {
            "$ref": "#/components/headers/X-Request-ID"
          },
          "Cache-Control": {
            "$ref": "#/components/headers/Cache-Control"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          },
          "Access-Control-Expose-Headers": {
            "$ref": "#/components/headers/Access-Control-Expose-Headers"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "UnprocessableContent": {
        "description": "A field breaks a rule, is unknown or read-only, or the body is not an object: `errors` lists every bad field, in the article's field order.",
        "headers": {
          "X-Request-ID": {
            "$ref": "#/components/headers/X-Request-ID"
          },
          "Cache-Control": {
            "$ref": "#/components/headers/Cache-Control"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          },
          "Access-Control-Expose-Headers": {
            "$ref": "#/components/headers/Access-Control-Expose-Headers"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "ServiceUnavailable": {
        "description": "The store does not answer or the server is too busy (with `Retry-After`), or the server is draining (`/ready`).",
        "headers": {
          "X-Request-ID": {
            "$ref": "#/components/headers/X-Request-ID"
          },
          "Cache-Control": {
            "$ref": "#/components/headers/Cache-Control"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          },
          "Access-Control-Expose-Headers": {
            "$ref": "#/components/headers/Access-Control-Expose-Headers"
          },
          "Retry-After": {
            "$ref": "#/components/headers/Retry-After"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "InternalServerError": {
        "description": "The server failed; the problem's detail carries the request id it was logged with.",
        "headers": {
          "X-Request-ID": {
            "$ref": "#/components/headers/X-Request-ID"
          },
          "Cache-Control": {
            "$ref": "#/components/headers/Cache-Control"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          },
          "Access-Control-Expose-Headers": {
            "$ref": "#/components/headers/Access-Control-Expose-Headers"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "URITooLong": {
        "description": "The request line is over the limit (default 8 KiB); the connection closes.",
        "headers": {
          "X-Request-ID": {
            "$ref": "#/components/headers/X-Request-ID"
          },
          "Cache-Control": {
            "$ref": "#/components/headers/Cache-Control"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          },
          "Access-Control-Expose-Headers": {
            "$ref": "#/components/headers/Access-Control-Expose-Headers"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "RequestHeaderFieldsTooLarge": {
        "description": "The header block is over the limit (default 16 KiB or 100 fields); the connection closes.",
        "headers": {
          "X-Request-ID": {
            "$ref": "#/components/headers/X-Request-ID"
          },
          "Cache-Control": {
            "$ref": "#/components/headers/Cache-Control"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          },
          "Access-Control-Expose-Headers": {
            "$ref": "#/components/headers/Access-Control-Expose-Headers"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "NotModified": {
        "description": "The client's copy is current (`If-None-Match`, or `If-Modified-Since` where it applies): no body.",
        "headers": {
          "X-Request-ID": {
            "$ref": "#/components/headers/X-Request-ID"
          },
          "ETag": {
            "$ref": "#/components/headers/ETag"
          },
          "Cache-Control": {
            "$ref": "#/components/headers/Cache-Control"
          },
          "Vary": {
            "$ref": "#/components/headers/Vary"
          }
        }
      },
      "ForbiddenOrigin": {
        "description": "A CORS preflight (`Origin` and `Access-Control-Request-Method`) from an origin the server's `--cors-origin` list does not include, named in the detail; no CORS headers.",
        "headers": {
          "X-Request-ID": {
            "$ref": "#/components/headers/X-Request-ID"
          },
          "Cache-Control": {
            "$ref": "#/components/headers/Cache-Control"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          },
          "Access-Control-Expose-Headers": {
            "$ref": "#/components/headers/Access-Control-Expose-Headers"
          }
        },
        "content": {
          "application/problem+json": {
            "schema": {
              "$ref": "#/components/schemas/Problem"
            }
          }
        }
      },
      "Preflight": {
        "description": "A CORS preflight (`Origin` and `Access-Control-Request-Method`) from an allowed origin: the `Access-Control-*` headers. A plain `OPTIONS` (no preflight): `Allow` only.",
        "headers": {
          "X-Request-ID": {
            "$ref": "#/components/headers/X-Request-ID"
          },
          "Allow": {
            "$ref": "#/components/headers/Allow"
          },
          "Access-Control-Allow-Origin": {
            "$ref": "#/components/headers/Access-Control-Allow-Origin"
          },
          "Access-Control-Allow-Methods": {
            "$ref": "#/components/headers/Access-Control-Allow-Methods"
          },
          "Access-Control-Allow-Headers": {
            "$ref": "#/components/headers/Access-Control-Allow-Headers"
          },
          "Access-Control-Max-Age": {
            "$ref": "#/components/headers/Access-Control-Max-Age"
          },
          "Vary": {
            "$ref": "#/components/headers/Vary"
          }
        }
      }
    },
    "securitySchemes": {
      "editorToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "An editor token from DATELINE_EDITOR_TOKENS or --editor-token-file. Tokens are compared in constant time and never logged."
      }
    }
  }
}
"""#
}
