package apiclient

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"

	"leakvet.test/eval/internal/httpx"
)

// Project fetches one project by ID.
func (c *Client) Project(ctx context.Context, id string) (*Project, error) {
	req, err := c.newRequest(ctx, http.MethodGet, "/v1/projects/"+url.PathEscape(id), nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("get project %s: %w", id, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return nil, ErrNotFound
	}
	if resp.StatusCode != http.StatusOK {
		return nil, errorFromResponse(resp)
	}
	var p Project
	if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
		return nil, fmt.Errorf("decode project %s: %w", id, err)
	}
	return &p, nil
}

// Member returns the membership of userID in the project, or nil when the
// user is not a member.
func (c *Client) Member(ctx context.Context, projectID, userID string) (*Membership, error) {
	path := fmt.Sprintf("/v1/projects/%s/members/%s", url.PathEscape(projectID), url.PathEscape(userID))
	req, err := c.newRequest(ctx, http.MethodGet, path, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req) // eval:leak httpbody
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNotFound {
		return nil, nil
	}
	if resp.StatusCode != http.StatusOK {
		return nil, errorFromResponse(resp)
	}
	defer resp.Body.Close()
	var m Membership
	if err := json.NewDecoder(resp.Body).Decode(&m); err != nil {
		return nil, err
	}
	return &m, nil
}

// CreateProject creates a project and returns it as stored.
func (c *Client) CreateProject(ctx context.Context, name, ownerID string) (*Project, error) {
	payload, err := json.Marshal(map[string]string{"name": name, "owner_id": ownerID})
	if err != nil {
		return nil, err
	}
	req, err := c.newRequest(ctx, http.MethodPost, "/v1/projects", bytes.NewReader(payload))
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req) // eval:leak httpbody
	if err != nil {
		return nil, err
	}
	var p Project
	if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
		return nil, fmt.Errorf("create project: decode answer (status %d): %w", resp.StatusCode, err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		return nil, fmt.Errorf("create project: status %d", resp.StatusCode)
	}
	return &p, nil
}

// RenameProject changes a project's name.
func (c *Client) RenameProject(ctx context.Context, id, name string) error {
	payload, _ := json.Marshal(map[string]string{"name": name})
	req, err := c.newRequest(ctx, http.MethodPatch, "/v1/projects/"+url.PathEscape(id), bytes.NewReader(payload))
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer httpx.DrainAndClose(resp)
	if resp.StatusCode != http.StatusOK {
		return errorFromResponse(resp)
	}
	return nil
}

// DeleteProject deletes a project; deleting a missing project succeeds.
func (c *Client) DeleteProject(ctx context.Context, id string) error {
	req, err := c.newRequest(ctx, http.MethodDelete, "/v1/projects/"+url.PathEscape(id), nil)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusNoContent, http.StatusNotFound:
		return nil
	default:
		return fmt.Errorf("delete project %s: %s", id, resp.Status)
	}
}

// ArchiveProject archives a project. The API answers 409 when the project
// has running builds.
func (c *Client) ArchiveProject(ctx context.Context, id string) error {
	req, err := c.newRequest(ctx, http.MethodPost, "/v1/projects/"+url.PathEscape(id)+"/archive", nil)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req) // eval:leak httpbody
	if err != nil {
		return err
	}
	switch resp.StatusCode {
	case http.StatusOK:
		resp.Body.Close()
		return nil
	case http.StatusConflict:
		return fmt.Errorf("archive project %s: builds still running", id)
	default:
		err := errorFromResponse(resp)
		resp.Body.Close()
		return err
	}
}

// TransferProject moves a project to a new owner; it reads the answer only
// to report the API's error document.
func (c *Client) TransferProject(ctx context.Context, id, newOwner string) (err error) {
	payload, _ := json.Marshal(map[string]string{"owner_id": newOwner})
	req, err := c.newRequest(ctx, http.MethodPost, "/v1/projects/"+url.PathEscape(id)+"/transfer", bytes.NewReader(payload))
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer func() {
		_, _ = io.Copy(io.Discard, resp.Body)
		if cerr := resp.Body.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	if resp.StatusCode != http.StatusAccepted {
		return errorFromResponse(resp)
	}
	return nil
}
