# A static credcheck binary on an empty image:
#   docker build -t credcheck .
#   docker run --rm -v "$PWD:/work" credcheck check articles/
# --changed-since reads the mounted repository in-process; the image needs
# no git (docs/ci.md).
FROM golang:1.26 AS build
# VERSION (docker build --build-arg VERSION=v1.2.3) names a release; without it
# the binary reports what the Go toolchain recorded, or dev.
ARG VERSION=
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/credcheck ./cmd/credcheck

FROM scratch
COPY --from=build /out/credcheck /credcheck
USER 65532:65532
WORKDIR /work
ENTRYPOINT ["/credcheck"]
CMD ["check", "."]
