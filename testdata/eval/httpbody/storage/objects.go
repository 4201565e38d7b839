package storage

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
)

// Stat returns the size and ETag of an object by reading its first byte.
func (c *Client) Stat(ctx context.Context, key string) (*ObjectInfo, error) {
	req, err := c.newRequest(ctx, http.MethodGet, c.objectURL(key), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Range", "bytes=0-0")
	resp, err := c.hc.Do(req) // eval:leak httpbody
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNotFound {
		return nil, ErrNoSuchKey
	}
	cr := resp.Header.Get("Content-Range")
	total, err := strconv.ParseInt(cr[strings.LastIndexByte(cr, '/')+1:], 10, 64)
	if err != nil {
		return nil, fmt.Errorf("stat %s: bad Content-Range %q", key, cr)
	}
	resp.Body.Close()
	return &ObjectInfo{Key: key, Size: total, ETag: resp.Header.Get("ETag")}, nil
}

// Put uploads an object of unknown length from r.
func (c *Client) Put(ctx context.Context, key string, r io.Reader, contentType string) error {
	req, err := c.newRequest(ctx, http.MethodPut, c.objectURL(key), r)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", contentType)
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return parseError(resp)
	}
	return nil
}

// Copy copies an object inside the bucket.
func (c *Client) Copy(ctx context.Context, src, dst string) error {
	req, err := c.newRequest(ctx, http.MethodPut, c.objectURL(dst), nil)
	if err != nil {
		return err
	}
	req.Header.Set("X-Amz-Copy-Source", "/"+c.bucket+"/"+src)
	resp, err := c.hc.Do(req) // eval:leak httpbody
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return parseError(resp)
	}
	resp.Body.Close()
	return nil
}

// Get returns the object's body; the caller closes it.
func (c *Client) Get(ctx context.Context, key string) (io.ReadCloser, int64, error) {
	req, err := c.newRequest(ctx, http.MethodGet, c.objectURL(key), nil)
	if err != nil {
		return nil, 0, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, 0, err
	}
	switch {
	case resp.StatusCode == http.StatusNotFound:
		resp.Body.Close()
		return nil, 0, ErrNoSuchKey
	case resp.StatusCode != http.StatusOK:
		defer resp.Body.Close()
		return nil, 0, parseError(resp)
	}
	return resp.Body, resp.ContentLength, nil
}

// List returns every object under prefix, following continuation tokens.
func (c *Client) List(ctx context.Context, prefix string) ([]ObjectInfo, error) {
	var out []ObjectInfo
	token := ""
	for {
		q := url.Values{"list-type": {"2"}, "prefix": {prefix}}
		if token != "" {
			q.Set("continuation-token", token)
		}
		req, err := c.newRequest(ctx, http.MethodGet, c.endpoint+"/"+c.bucket+"?"+q.Encode(), nil)
		if err != nil {
			return nil, err
		}
		resp, err := c.hc.Do(req) // eval:leak httpbody
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, parseError(resp)
		}
		var page struct {
			Contents  []ObjectInfo `xml:"Contents"`
			Truncated bool         `xml:"IsTruncated"`
			NextToken string       `xml:"NextContinuationToken"`
		}
		if err := xml.NewDecoder(resp.Body).Decode(&page); err != nil {
			return nil, err
		}
		out = append(out, page.Contents...)
		if !page.Truncated {
			return out, nil
		}
		token = page.NextToken
	}
}

// DeleteAll deletes keys with at most eight requests in flight.
func (c *Client) DeleteAll(ctx context.Context, keys []string) error {
	sem := make(chan struct{}, 8)
	errs := make(chan error, len(keys))
	var wg sync.WaitGroup
	for _, key := range keys {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			req, err := c.newRequest(ctx, http.MethodDelete, c.objectURL(key), nil)
			if err != nil {
				errs <- err
				return
			}
			resp, err := c.hc.Do(req)
			if err != nil {
				errs <- err
				return
			}
			if err := checkResponse(resp); err != nil {
				errs <- fmt.Errorf("delete %s: %w", key, err)
				return
			}
			resp.Body.Close()
		}()
	}
	wg.Wait()
	close(errs)
	return <-errs
}

// UploadPart uploads one part of a multipart upload and returns its ETag.
func (c *Client) UploadPart(ctx context.Context, key, uploadID string, n int, data []byte) (Part, error) {
	u := fmt.Sprintf("%s?partNumber=%d&uploadId=%s", c.objectURL(key), n, url.QueryEscape(uploadID))
	req, err := c.newRequest(ctx, http.MethodPut, u, strings.NewReader(string(data)))
	if err != nil {
		return Part{}, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return Part{}, err
	}
	if err := checkResponse(resp); err != nil {
		return Part{}, err
	}
	etag := resp.Header.Get("ETag")
	resp.Body.Close()
	return Part{Number: n, ETag: etag}, nil
}

// Complete finishes a multipart upload.
func (c *Client) Complete(ctx context.Context, key, uploadID string, parts []Part) error {
	body, err := xml.Marshal(struct {
		XMLName xml.Name `xml:"CompleteMultipartUpload"`
		Parts   []Part   `xml:"Part"`
	}{Parts: parts})
	if err != nil {
		return err
	}
	u := c.objectURL(key) + "?uploadId=" + url.QueryEscape(uploadID)
	req, err := c.newRequest(ctx, http.MethodPost, u, strings.NewReader(string(body)))
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req) // eval:leak httpbody
	if err != nil {
		return err
	}
	if err := checkResponse(resp); err != nil {
		return fmt.Errorf("complete %s: %w", key, err)
	}
	return nil
}
