package apiclient

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

type projectPage struct {
	Items []Project `json:"items"`
	Next  string    `json:"next_cursor"`
}

// listPage fetches one page of projects starting at cursor.
func (c *Client) listPage(ctx context.Context, cursor string) (*projectPage, error) {
	q := url.Values{"limit": {"100"}}
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	req, err := c.newRequest(ctx, http.MethodGet, "/v1/projects?"+q.Encode(), nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, errorFromResponse(resp)
	}
	var page projectPage
	if err := json.NewDecoder(resp.Body).Decode(&page); err != nil {
		return nil, fmt.Errorf("decode project page: %w", err)
	}
	return &page, nil
}

// ListProjects returns every project, following the cursor.
func (c *Client) ListProjects(ctx context.Context) ([]Project, error) {
	var all []Project
	cursor := ""
	for {
		page, err := c.listPage(ctx, cursor)
		if err != nil {
			return nil, err
		}
		all = append(all, page.Items...)
		if page.Next == "" {
			return all, nil
		}
		cursor = page.Next
	}
}

// OrgUsers returns every user of an organisation, following the API's
// next links.
func (c *Client) OrgUsers(ctx context.Context, org string) ([]User, error) {
	var all []User
	next := "/v1/orgs/" + url.PathEscape(org) + "/users?limit=200"
	for next != "" {
		req, err := c.newRequest(ctx, http.MethodGet, next, nil)
		if err != nil {
			return nil, err
		}
		resp, err := c.hc.Do(req) // eval:leak httpbody
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, errorFromResponse(resp)
		}
		var page struct {
			Users []User `json:"users"`
			Next  string `json:"next"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&page); err != nil {
			return nil, err
		}
		all = append(all, page.Users...)
		next = page.Next
	}
	return all, nil
}

// ProjectMembers returns every member of a project. Each page is fetched
// and closed inside its own function literal.
func (c *Client) ProjectMembers(ctx context.Context, projectID string) ([]Membership, error) {
	var all []Membership
	next := "/v1/projects/" + url.PathEscape(projectID) + "/members"
	for next != "" {
		err := func() error {
			req, err := c.newRequest(ctx, http.MethodGet, next, nil)
			if err != nil {
				return err
			}
			resp, err := c.hc.Do(req)
			if err != nil {
				return err
			}
			defer resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				return errorFromResponse(resp)
			}
			var page struct {
				Members []Membership `json:"members"`
			}
			if err := json.NewDecoder(resp.Body).Decode(&page); err != nil {
				return err
			}
			all = append(all, page.Members...)
			next = resp.Header.Get("X-Next-Page")
			return nil
		}()
		if err != nil {
			return nil, err
		}
	}
	return all, nil
}

// AuditLog returns the audit entries after since. The API rate-limits this
// endpoint; a 429 waits for Retry-After and asks for the same page again.
func (c *Client) AuditLog(ctx context.Context, since time.Time) ([]json.RawMessage, error) {
	var entries []json.RawMessage
	cursor := ""
	for {
		q := url.Values{"since": {since.UTC().Format(time.RFC3339)}, "cursor": {cursor}}
		req, err := c.newRequest(ctx, http.MethodGet, "/v1/audit?"+q.Encode(), nil)
		if err != nil {
			return nil, err
		}
		resp, err := c.hc.Do(req) // eval:leak httpbody
		if err != nil {
			return nil, err
		}
		if resp.StatusCode == http.StatusTooManyRequests {
			time.Sleep(retryAfter(resp.Header, time.Second))
			continue
		}
		var page struct {
			Entries []json.RawMessage `json:"entries"`
			Next    string            `json:"next_cursor"`
		}
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if err != nil {
			return nil, err
		}
		entries = append(entries, page.Entries...)
		if page.Next == "" {
			return entries, nil
		}
		cursor = page.Next
	}
}
